"""Where a build's time goes: profile both MkDocs processes of one build and print the largest costs.

    .venv/bin/python -m generator synth --entries 10000 --out /tmp/synth
    .venv/bin/python benchmarks/profile.py /tmp/synth              # top 40 by cumulative time, per language
    .venv/bin/python benchmarks/profile.py /tmp/synth --top 80 --sort tottime

The build runs as usual with TC_PROFILE=<folder> set: each language's MkDocs process runs under cProfile and
leaves `mkdocs-<lang>.prof` there (`--save DIR` keeps them, e.g. for snakeviz). cProfile slows Python code
about twofold, so read the shares, not the seconds. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="a database folder (e.g. from `python -m generator synth`)")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"))
    parser.add_argument("--save", type=Path, help="copy the .prof files into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tc-profile-") as tmp:
        folder = Path(tmp) / "profile"
        folder.mkdir()
        env = {**os.environ, "TC_PROFILE": str(folder), "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1"}
        command = [sys.executable, "-m", "generator", "--root", str(args.data), "build", "--out", f"{tmp}/site"]
        subprocess.run(command, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        for lang in ("th", "en"):
            print(f"\n===== MkDocs process, {lang} =====")
            stats = pstats.Stats(str(folder / f"mkdocs-{lang}.prof"))
            stats.sort_stats(args.sort).print_stats(args.top)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            for prof in folder.glob("*.prof"):
                shutil.copy(prof, args.save / prof.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
