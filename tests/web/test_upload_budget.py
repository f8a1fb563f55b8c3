"""One decompressed-size budget per upload, whatever the number of files in it."""

import gzip
import io
import re

from tests.conftest import login


def _upload(client, project_id, files):
    url = f"/projects/{project_id}/documents/new"
    token = re.search(r'name="upload-csrf_token" type="hidden" value="([^"]+)"',
                      client.get(url).get_data(as_text=True)).group(1)
    data = {"form": "upload", "upload-lang": "uk", "upload-csrf_token": token,
            "upload-files": [(io.BytesIO(content), name) for name, content in files]}
    return client.post(url, data=data, content_type="multipart/form-data")


def _gz_files(n: int, size: int) -> list[tuple[str, bytes]]:
    return [(f"part{k}.uk.txt.gz", gzip.compress(f"Частина {k}. ".encode() + b"a " * (size // 2))) for k in range(n)]


def test_gzipped_files_that_together_pass_the_budget_are_refused(client, app, make):
    make.user("admin", "admin")
    login(client, "admin")
    project = make.project()
    app.config["MAX_IMPORT_MB"] = 0.25  # 256 kB decompressed for the whole upload
    one = _gz_files(1, 60_000)
    assert len(one[0][1]) < 1000  # each file is small on the wire
    fits = _upload(client, project.id, _gz_files(3, 60_000))
    assert fits.status_code == 200 and "Preview the import" in fits.get_data(as_text=True)
    refused = _upload(client, project.id, _gz_files(6, 60_000))
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "part4.uk.txt.gz: with the files before it, this import decompresses to more than the limit" in html
    assert "No documents yet." in client.get(f"/projects/{project.id}").get_data(as_text=True)


def test_plain_files_count_against_the_same_budget(client, app, make):
    make.user("admin", "admin")
    login(client, "admin")
    project = make.project()
    app.config["MAX_IMPORT_MB"] = 0.25
    files = [(f"p{k}.uk.txt", "Текст. ".encode() * 8_000) for k in range(3)]  # 3 x 88 kB
    refused = _upload(client, project.id, files)
    assert refused.status_code == 400 and "p2.uk.txt: with the files before it" in refused.get_data(as_text=True)
