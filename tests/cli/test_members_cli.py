"""Project members from the command line, the demo's team, and the upgrade that keeps today's access."""

from sqlalchemy import create_engine, text

from annotator.db import upgrade


def rows(url, sql):
    engine = create_engine(url)
    with engine.connect() as conn:
        out = conn.execute(text(sql)).all()
    engine.dispose()
    return out


def test_member_add_list_remove(cli, empty_database_url):
    url = empty_database_url
    assert cli(url, "init").exit_code == 0
    assert cli(url, "user", "add", "olena", "--role", "reviewer", "--password-stdin", input="long-password\n"
               ).exit_code == 0
    assert cli(url, "project", "create", "news").exit_code == 0
    added = cli(url, "project", "member", "add", "news", "olena")
    assert added.exit_code == 0 and "as reviewer" in added.output  # the global role is the default
    assert cli(url, "project", "member", "add", "news", "olena", "--role", "manager").exit_code == 0
    assert cli(url, "project", "member", "list", "news").output == "olena\tmanager\n"
    unknown = cli(url, "project", "member", "add", "news", "nobody")
    assert unknown.exit_code == 1 and "no user named 'nobody'" in unknown.output
    assert cli(url, "project", "member", "remove", "news", "olena").exit_code == 0
    assert cli(url, "project", "member", "list", "news").output == ""
    again = cli(url, "project", "member", "remove", "news", "olena")
    assert again.exit_code == 1 and "not a member" in again.output


def test_demo_users_are_members_of_the_demo_project(cli, empty_database_url):
    assert cli(empty_database_url, "init", "--demo").exit_code == 0
    listed = cli(empty_database_url, "project", "member", "list", "demo").output.split("\n")
    assert listed == ["admin\tmanager", "olena\tannotator", "rita\treviewer", "taras\tannotator", ""]


def test_an_upgrade_keeps_every_user_in_every_project(cli, empty_database_url):
    engine = create_engine(empty_database_url)
    upgrade(engine, "0006")
    with engine.begin() as conn:
        for uid, name, role in ((1, "boss", "admin"), (2, "rita", "reviewer"), (3, "olena", "annotator")):
            conn.execute(text("INSERT INTO users (id, username, password_hash, role, active, created_at) "
                              f"VALUES ({uid}, '{name}', 'x', '{role}', true, '2025-01-01 00:00:00')"))
        for pid, creator in ((1, "NULL"), (2, "2")):
            conn.execute(text("INSERT INTO projects (id, name, description, guidelines, label_schema, settings, "
                              f"created_at, created_by_id) VALUES ({pid}, 'p{pid}', '', '', '{{\"labels\": []}}', "
                              f"'{{}}', '2025-01-01', {creator})"))
    engine.dispose()
    assert cli(empty_database_url, "init").exit_code == 0
    assert rows(empty_database_url, "SELECT project_id, user_id, role FROM project_members "
                                    "ORDER BY project_id, user_id") == [
        (1, 2, "reviewer"), (1, 3, "annotator"), (2, 2, "manager"), (2, 3, "annotator")]
