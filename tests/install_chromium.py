"""Make sure Debian's Chromium is there for the browser tests (Playwright's own download cannot work here).

Installs the `chromium` package with apt-get when it is missing and we are root; otherwise says what to do.
"""

import os
import shutil
import subprocess
import sys

CHROMIUM = os.environ.get("ANNOTATOR_CHROMIUM", "/usr/bin/chromium")


def main() -> int:
    if os.path.exists(CHROMIUM):
        return 0
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("installing Debian's chromium for the browser tests (about 30 s)…", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        done = subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
        if done.returncode == 0 and os.path.exists(CHROMIUM):
            return 0
    print(f"Chromium is not at {CHROMIUM}: browser tests will be skipped. Install it with "
          "`sudo apt-get install chromium` or point ANNOTATOR_CHROMIUM at a Chromium binary.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
