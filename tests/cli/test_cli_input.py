"""CLI arguments and files: bad ones end with a one-line reason and a non-zero exit, never a traceback."""

import gzip
import json

import pytest


@pytest.fixture
def demo(cli, empty_database_url):
    assert cli(empty_database_url, "init", "--demo").exit_code == 0
    return empty_database_url


@pytest.mark.parametrize("ref", ["²", "³", "99999999999999999999999", "٣"])
def test_a_project_named_by_an_odd_number_is_not_found_cleanly(cli, demo, ref):
    result = cli(demo, "export", ref)
    assert result.exit_code == 1 and f"no project '{ref}'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("key", ["²", "99999999999999999999999", "g" * 300])
def test_align_with_an_odd_group_key_says_there_is_no_such_group(cli, demo, key):
    result = cli(demo, "align", "demo", "--group", key)
    assert result.exit_code == 1 and f"no translation group '{key}' in demo" in result.output


def test_align_realigns_every_group_of_a_project(cli, demo):
    result = cli(demo, "align", "demo", "--force")
    assert result.exit_code == 0, result.output
    assert "aligned " in result.output and "group(s)" in result.output and "aligned 0 pair" not in result.output


def test_a_project_is_still_found_by_its_id(cli, demo):
    assert cli(demo, "export", "1").exit_code == 0


def test_gzipped_files_share_one_budget_per_import(cli, demo, tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_MAX_IMPORT_MB", "0.25")
    names = []
    for k in range(6):
        line = json.dumps({"text": f"Документ {k}. " + "a " * 30_000, "lang": "uk"}).encode()
        (tmp_path / f"p{k}.jsonl.gz").write_bytes(gzip.compress(line))
        names.append(str(tmp_path / f"p{k}.jsonl.gz"))
    assert cli(demo, "import", "demo", *names[:3]).exit_code == 0
    refused = cli(demo, "import", "demo", *names)
    assert refused.exit_code == 1 and "p4.jsonl.gz: with the files before it" in refused.output


@pytest.mark.parametrize("schema", [{"labels": [{"name": "AC\x00TOR"}]},
                                    {"labels": [{"name": "ACTOR", "description": "\x00"}]}])
def test_a_schema_file_holding_nul_is_refused_naming_the_entry(cli, demo, tmp_path, schema):
    """PostgreSQL keeps U+0000 in no JSON column: `project create --schema` gave a traceback there."""
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema))
    result = cli(demo, "project", "create", "nul", "--schema", str(path))
    assert result.exit_code == 1 and "'schema.labels[0]." in result.output and "NUL" in result.output
    assert "nul" not in cli(demo, "project", "list").output.split()
