#!/usr/bin/env python3
"""The body of scripts/benchmark (Python 3 standard library only); see that script.

Times, in ONE alternating loop (every round runs every command once, in the reverse order
every other round, after --warmup untimed rounds), on tmpfs and on disk:

  relnotes build --drafts --root CORPUS --out OUT     both audiences, every output
  hugo --quiet --source HUGO_CORPUS --destination OUT
  floor CORPUS OUT 2                                   ../shared/bench/floor.c on libcmark

and renders (standard input: a document derived from the concat corpus's all.md, about 5 MB
for the large corpus, the whole of it for the small one; standard output to a file):

  plain.md (all.md without extension syntax: no ::: containers, !!!/??? admonitions and
  their indented bodies, pipe tables; task items made plain items):
    cmark                    vs relnotes render --root CORPUS --audience external|internal
    cmark -t commonmark      vs relnotes render --root CORPUS --format markdown --audience ...
  mix.md (the start of all.md: tables, task lists, admonitions, containers):
    cmark-gfm -e table -e tasklist                vs the same four relnotes renders
    cmark-gfm -e table -e tasklist -t commonmark

and, on the large corpus, relnotes check, notes VERSION and announce VERSION (VERSION: the
newest released version). Every command runs under /usr/bin/time (peak RSS, user+sys CPU);
the wall time is measured here around it. Output folders are removed before every run.
Then the preview: startup to first served page, idle CPU, and edit-to-page and
edit-to-reload-event latencies after atomic saves (temporary file renamed over the entry).
The report (stdout) is plain text tables; progress goes to stderr. Exits 0 whatever the
figures say.
"""
import argparse
import datetime
import hashlib
import html
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = {"small": (50, 20), "large": (1000, 20)}
FLAVORS = ("relnotes", "hugo", "concat")
TIME = "/usr/bin/time"
GENERATION_PATH = "/_relnotes/generation"  # the preview's reload event


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------
# options


def parse_arguments():
    parser = argparse.ArgumentParser(
        prog="scripts/benchmark",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="relnotes' benchmark: relnotes vs Hugo, the libcmark floor, cmark and cmark-gfm, on the "
        "reference corpus (small: 50 releases x 20 entries, large: 1,000 x 20), on tmpfs and "
        "on disk, with the performance targets checked (PASS/FAIL). Renders read two documents "
        "derived from the concat corpus (cached in WORK/corpus/SIZE-render): plain.md, about 5 MB "
        "without extension syntax (vs cmark), and mix.md, about 5 MB of tables, task lists, "
        "admonitions and containers (vs cmark-gfm -e table -e tasklist); the small corpus's are "
        "the whole file. Always exits 0.",
        epilog="""environment:
  RELNOTES=PATH        time this relnotes binary instead of building .build/release/relnotes
  RELNOTES_SHARED=DIR  where bench/gen_corpus.py and bench/floor.c are, when not in
                       ../shared/bench (then /work/shared/bench is tried)

examples:
  scripts/benchmark                                  # everything, 5 runs (takes a while)
  RELNOTES=/tmp/rnb/relnotes-base scripts/benchmark --quick
  scripts/benchmark --runs 3 --skip-disk --corpus /tmp/rnb   # reuse generated corpora
""")
    parser.add_argument("--relnotes", default=os.environ.get("RELNOTES") or os.path.join(PROJECT, ".build/release/relnotes"),
                        help="the relnotes binary (scripts/benchmark passes $RELNOTES or the one it built)")
    parser.add_argument("--quick", action="store_true",
                        help="small corpus only, 3 runs and 3 preview edits unless told otherwise: for trying")
    parser.add_argument("--runs", type=int, help="timed runs of every command (default 5, 3 with --quick)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    parser.add_argument("--skip-preview", action="store_true", help="do not measure the preview server")
    parser.add_argument("--skip-disk", action="store_true", help="time on tmpfs only")
    parser.add_argument("--work", default=os.path.join(PROJECT, ".build/benchmark"),
                        help="work folder: cached corpora and render documents, floor binary, disk outputs "
                        "(default .build/benchmark)")
    parser.add_argument("--corpus", metavar="DIR",
                        help="reuse corpora already in DIR, named like the work folder's: small-relnotes, "
                        "small-hugo, small-concat, large-... (e.g. /tmp/rnb); missing ones are generated "
                        "into the work folder")
    parser.add_argument("--tmpfs-dir", default="/dev/shm", help="tmpfs where the tmpfs outputs go (default /dev/shm)")
    parser.add_argument("--disk-dir", help="disk folder for the disk outputs (default WORK/out)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the last outputs and the preview's copy of the corpus (the corpora are always kept)")
    parser.add_argument("--edits", type=int, help="preview edits to time (default 5, 3 with --quick)")
    parser.add_argument("--timeout", type=float, default=180,
                        help="seconds one command may take before it is killed and reported as a timeout (default "
                        "180); it is not run again, nor are the same program's other builds of that corpus or "
                        "renders of that document")
    parser.add_argument("--preview-timeout", type=float, default=180,
                        help="seconds the preview may take to start or to show an edit (default 180)")
    parser.add_argument("--idle-seconds", type=float, default=10, help="how long the preview's idle CPU is sampled (default 10)")
    arguments = parser.parse_args()
    if arguments.runs is None:
        arguments.runs = 3 if arguments.quick else 5
    if arguments.edits is None:
        arguments.edits = 3 if arguments.quick else 5
    arguments.runs = max(1, arguments.runs)
    arguments.warmup = max(0, arguments.warmup)
    arguments.work = os.path.abspath(arguments.work)
    arguments.disk_dir = os.path.abspath(arguments.disk_dir or os.path.join(arguments.work, "out"))
    arguments.relnotes = os.path.abspath(arguments.relnotes)
    return arguments


# ---------------------------------------------------------------------------------------
# machine, tools, file systems


def first_line(argv):
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error})"
    text = (result.stdout or result.stderr).strip()
    return text.splitlines()[0] if text and result.returncode == 0 else f"unavailable (exit {result.returncode})"


def relnotes_version(path):
    try:
        result = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30)
        if result.returncode == 0 and result.stdout.strip():
            described = result.stdout.strip().splitlines()[0]
        else:
            described = "no --version"
    except (OSError, subprocess.TimeoutExpired):
        described = "no --version"
    digest = hashlib.sha256()
    with open(path, "rb") as binary:
        for block in iter(lambda: binary.read(1 << 20), b""):
            digest.update(block)
    built = datetime.datetime.fromtimestamp(os.stat(path).st_mtime).strftime("%Y-%m-%d %H:%M")
    source = os.environ.get("RELNOTES_BUILT_FROM")
    if source:
        commit = first_line(["git", "-C", source, "describe", "--always", "--dirty"])
        origin = f"built here from {commit}"
    else:
        origin = "prebuilt ($RELNOTES)"
    return f"{path} ({described}; {origin}; sha256 {digest.hexdigest()[:12]}, {built})"


def meminfo():
    values = {}
    try:
        with open("/proc/meminfo") as file:
            for line in file:
                name, _, rest = line.partition(":")
                values[name] = int(rest.split()[0]) * 1024
    except OSError:
        pass
    return values


def cpu_model():
    try:
        with open("/proc/cpuinfo") as file:
            for line in file:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def file_system(path):
    """(type, device, mount point) of the file system holding path (longest mount prefix)."""
    path = os.path.realpath(path)
    best = ("unknown", "unknown", "")
    try:
        with open("/proc/mounts") as file:
            for line in file:
                fields = line.split()
                if len(fields) < 3:
                    continue
                device, mount, kind = fields[0], fields[1].replace("\\040", " "), fields[2]
                if (path == mount or path.startswith(mount.rstrip("/") + "/")) and len(mount) >= len(best[2]):
                    best = (kind, device, mount)
    except OSError:
        pass
    return best


def gb(n):
    return f"{n / 2**30:.1f} GB"


# ---------------------------------------------------------------------------------------
# corpora and floor


def shared_bench():
    candidates = [os.path.join(os.path.dirname(PROJECT), "shared", "bench")]
    if os.environ.get("RELNOTES_SHARED"):
        candidates.append(os.path.join(os.environ["RELNOTES_SHARED"], "bench"))
    candidates.append("/work/shared/bench")
    for candidate in candidates:
        if os.path.isfile(os.path.join(candidate, "gen_corpus.py")) and os.path.isfile(os.path.join(candidate, "floor.c")):
            return os.path.realpath(candidate)
    sys.exit("benchmark: no gen_corpus.py and floor.c in " + ", ".join(candidates))


def sha256_of(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def corpus(arguments, bench, size, flavor):
    """The folder of one corpus: reused from --corpus, cached in WORK/corpus, or generated."""
    name = f"{size}-{flavor}"
    if arguments.corpus:
        reused = os.path.join(os.path.abspath(arguments.corpus), name)
        if os.path.isdir(reused):
            return reused, "reused"
    releases, entries = SIZES[size]
    folder = os.path.join(arguments.work, "corpus", name)
    generator = os.path.join(bench, "gen_corpus.py")
    options = ["--releases", str(releases), "--entries-per-release", str(entries), "--flavor", flavor]
    stamp = {"options": options, "generator": sha256_of(generator)}
    stamp_path = folder + ".stamp.json"
    try:
        with open(stamp_path) as file:
            if os.path.isdir(folder) and json.load(file) == stamp:
                return folder, "cached"
    except (OSError, ValueError):
        pass
    partial = folder + ".partial"
    log(f"benchmark: generating {name} ({releases} releases x {entries} entries) into {folder}")
    os.makedirs(os.path.dirname(folder), exist_ok=True)
    started = time.monotonic()
    subprocess.run([sys.executable, generator, *options, "--out", partial, "--force"], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(folder, ignore_errors=True)
    os.rename(partial, folder)
    with open(stamp_path, "w") as file:
        json.dump(stamp, file)
    return folder, f"generated in {time.monotonic() - started:.0f} s"


def build_floor(arguments, bench):
    source = os.path.join(bench, "floor.c")
    binary = os.path.join(arguments.work, f"floor-{sha256_of(source)[:12]}")
    if not os.access(binary, os.X_OK):
        os.makedirs(arguments.work, exist_ok=True)
        log(f"benchmark: cc -O2 -o {binary} {source} -lcmark")
        subprocess.run(["cc", "-O2", "-o", binary + ".partial", source, "-lcmark"], check=True)
        os.rename(binary + ".partial", binary)
    return binary


def semver_key(version):
    core, _, pre = version.partition("-")
    numbers = tuple(int(part) if part.isdigit() else 0 for part in core.split("."))
    return numbers, pre == "", pre


def front_matter(path):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    fields = {}
    for line in text[4:end].splitlines():
        match = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
        if match:
            fields[match.group(1)] = match.group(2)
    return fields, text


def yaml_scalar(text):
    text = text.strip()
    if text.startswith('"'):
        try:
            return json.loads(text)
        except ValueError:
            return text.strip('"')
    if text.startswith("'") and text.endswith("'"):
        return text[1:-1].replace("''", "'")
    return text


def describe_corpus(root):
    """(releases, entries, files, newest released version) of a relnotes-flavor corpus."""
    releases_folder = os.path.join(root, "content", "releases")
    versions = sorted(os.listdir(releases_folder))
    entries = files = 0
    released = []
    for version in versions:
        names = [name for name in os.listdir(os.path.join(releases_folder, version)) if name.endswith(".md")]
        files += len(names)
        entries += sum(1 for name in names if name != "release.md")
        record = os.path.join(releases_folder, version, "release.md")
        if os.path.isfile(record):
            fields, _ = front_matter(record)
            if yaml_scalar(fields.get("status", "")) == "released" and "-" not in version:
                released.append(version)
    newest = max(released, key=semver_key) if released else (max(versions, key=semver_key) if versions else None)
    return len(versions), entries, files, newest


def concat_file(folder):
    names = sorted(name for name in os.listdir(folder) if name.endswith(".md"))
    if not names:
        sys.exit(f"benchmark: no .md file in {folder}")
    return os.path.join(folder, names[0])


# The render documents, derived from the concat corpus's file. Change DOCUMENTS_VERSION when
# the derivation changes, so that cached documents are made again.
DOCUMENTS = ("plain", "mix")
DOCUMENTS_VERSION = 1
DOCUMENT_BYTES = 5_000_000
DOCUMENT_TITLES = {"plain": "without extension syntax", "mix": "mix of tables, task lists, admonitions, containers"}
EXTENSION_MARKERS = (b":::", b"!!!", b"???", b"|")
TASK_ITEM = re.compile(rb"^([ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)\[[ xX]\](?:[ \t]+|(?=[\r\n]|$))")


def cut_at_release(lines, limit=DOCUMENT_BYTES):
    """The lines before the first line starting with "# " (a release heading) that starts at
    byte offset limit or later: nothing is cut in half. All of them if there is none."""
    offset = 0
    for number, line in enumerate(lines):
        if offset >= limit and line.startswith(b"# "):
            return lines[:number]
        offset += len(line)
    return lines


def indentation(line):
    stripped = line.expandtabs(4)
    return len(stripped) - len(stripped.lstrip(b" "))


def without_extensions(lines):
    """lines without extension syntax: no line whose stripped form starts with :::, !!!, ???
    or | (containers, admonitions, tables); no admonition body (the lines indented 4 or more
    past the opener, and the blank lines between them, right after a !!! or ??? opener: they
    would become indented code); task items made plain items ("- [ ] x" -> "- x",
    "* [X] x" -> "* x": the bullet, hence the list, is kept)."""
    kept = []
    number = 0
    while number < len(lines):
        line = lines[number]
        stripped = line.strip()
        if stripped.startswith((b"!!!", b"???")):
            end = number + 1
            body = indentation(line) + 4
            while end < len(lines) and (not lines[end].strip() or indentation(lines[end]) >= body):
                end += 1
            while end > number + 1 and not lines[end - 1].strip():
                end -= 1  # the blank lines after the body stay
            number = end
            continue
        if not stripped.startswith(EXTENSION_MARKERS):
            kept.append(TASK_ITEM.sub(rb"\1", line, count=1))
        number += 1
    return kept


def marker_counts(lines):
    """How many lines of each extension kind: containers (:::), admonitions (!!!/???), table
    rows (|), task items."""
    counts = {"containers": 0, "admonitions": 0, "table rows": 0, "task items": 0}
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(b":::"):
            counts["containers"] += 1
        elif stripped.startswith((b"!!!", b"???")):
            counts["admonitions"] += 1
        elif stripped.startswith(b"|"):
            counts["table rows"] += 1
        elif TASK_ITEM.match(line):
            counts["task items"] += 1
    return counts


def render_documents(arguments, size, markdown):
    """{"plain": path, "mix": path} of the two render documents of one corpus size, and how
    they were obtained. Cached in WORK/corpus/SIZE-render; made again when missing or when the
    concat file (or the derivation) changed."""
    folder = os.path.join(arguments.work, "corpus", f"{size}-render")
    paths = {document: os.path.join(folder, f"{document}.md") for document in DOCUMENTS}
    stamp = {"source": sha256_of(markdown), "bytes": DOCUMENT_BYTES, "version": DOCUMENTS_VERSION}
    stamp_path = folder + ".stamp.json"
    try:
        with open(stamp_path) as file:
            if all(os.path.isfile(path) for path in paths.values()) and json.load(file) == stamp:
                return paths, "cached"
    except (OSError, ValueError):
        pass
    log(f"benchmark: deriving the render documents of {markdown} into {folder}")
    with open(markdown, "rb") as file:
        lines = file.read().splitlines(keepends=True)
    contents = {"mix": cut_at_release(lines), "plain": cut_at_release(without_extensions(lines))}
    for number, line in enumerate(contents["plain"], 1):
        if line.strip().startswith(EXTENSION_MARKERS) or TASK_ITEM.match(line):
            sys.exit(f"benchmark: the plain render document still has extension syntax, line {number}: "
                     f"{line.decode(errors='replace').rstrip()[:100]}")
    os.makedirs(folder, exist_ok=True)
    try:
        os.remove(stamp_path)  # no stamp while the documents are being replaced
    except FileNotFoundError:
        pass
    for document, path in paths.items():
        with open(path + ".partial", "wb") as file:
            file.write(b"".join(contents[document]))
        os.rename(path + ".partial", path)
    with open(stamp_path, "w") as file:
        json.dump(stamp, file)
    return paths, "derived"


# ---------------------------------------------------------------------------------------
# timed commands


def kill_group(process, flag):
    flag.set()
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class Measurement:
    def __init__(self, key, label, argv, workspace=None, stdin=None, stdout=None, disk=False, document=None):
        self.key = key              # (group, size, location, name)
        self.document = document    # a render's input document: "plain" or "mix"
        self.label = label
        self.argv = argv
        self.workspace = workspace  # removed and re-created (empty) before every run
        self.stdin = stdin
        self.stdout = stdout        # a file the standard output goes to, or None (discarded)
        self.disk = disk
        self.walls, self.cpus, self.rss = [], [], []
        self.error = None

    def run(self, timeout, scratch):
        if self.workspace:
            shutil.rmtree(self.workspace, ignore_errors=True)
            os.makedirs(self.workspace)
        if self.disk:
            os.sync()  # the previous runs' dirty pages are not written back during this one
        report = os.path.join(scratch, "time.txt")
        errors_path = os.path.join(scratch, "stderr.txt")
        stdin = open(self.stdin, "rb") if self.stdin else subprocess.DEVNULL
        stdout = open(self.stdout, "wb") if self.stdout else subprocess.DEVNULL
        try:
            with open(errors_path, "wb") as errors:
                started = time.perf_counter()
                try:
                    process = subprocess.Popen([TIME, "-f", "%M %U %S", "-o", report, *self.argv],
                                               stdin=stdin, stdout=stdout, stderr=errors, start_new_session=True)
                except OSError as error:
                    self.error = f"could not start: {error}"
                    return None
                # A blocking wait (Popen.wait with a timeout polls, up to 50 ms late); a timer
                # kills the process group when the command overruns.
                timed_out = threading.Event()
                timer = threading.Timer(timeout, kill_group, args=(process, timed_out))
                timer.start()
                try:
                    status = process.wait()
                    wall = time.perf_counter() - started
                except BaseException:  # Ctrl-C: do not leave the command running
                    kill_group(process, timed_out)
                    process.wait()
                    raise
                finally:
                    timer.cancel()
                if timed_out.is_set():
                    self.error = f"timeout (> {timeout:g} s)"
                    return None
        finally:
            for file in (stdin, stdout):
                if file is not subprocess.DEVNULL:
                    file.close()
        if status != 0:
            with open(errors_path, errors="replace") as file:
                tail = [line.strip() for line in file if line.strip() and not line.startswith("Command exited")]
            self.error = f"exit {status}" + (f": {tail[-1][:150]}" if tail else "")
            return None
        with open(report) as file:
            fields = file.read().split("\n")
        values = [line for line in fields if line.strip()][-1].split()
        rss_kb, user, system = int(values[0]), float(values[1]), float(values[2])
        return wall, user + system, rss_kb * 1024

    def record(self, result):
        wall, cpu, rss = result
        self.walls.append(wall)
        self.cpus.append(cpu)
        self.rss.append(rss)

    @property
    def median(self):
        return statistics.median(self.walls) if self.walls and not self.error else None


def plan_measurements(arguments, sizes, locations, places, corpora, floor, relnotes):
    plan = []
    for size in sizes:
        site, hugo_site = corpora[size]["relnotes"], corpora[size]["hugo"]
        for location in locations:
            base = places[location]
            disk = location == "disk"

            def space(name):
                return os.path.join(base, f"{size}-{name}")

            plan.append(Measurement(("build", size, location, "relnotes"), "relnotes build --drafts",
                                    [relnotes, "build", "--drafts", "--root", site, "--out", os.path.join(space("relnotes"), "out")],
                                    workspace=space("relnotes"), disk=disk))
            plan.append(Measurement(("build", size, location, "hugo"), "hugo --quiet",
                                    ["hugo", "--quiet", "--source", hugo_site, "--destination", os.path.join(space("hugo"), "out")],
                                    workspace=space("hugo"), disk=disk))
            plan.append(Measurement(("build", size, location, "floor"), "floor (libcmark, 2 audiences)",
                                    [floor, site, os.path.join(space("floor"), "out"), "2"],
                                    workspace=space("floor"), disk=disk))
            for document in DOCUMENTS:
                reference = ["cmark"] if document == "plain" else ["cmark-gfm", "-e", "table", "-e", "tasklist"]
                renders = [
                    ("reference-html", " ".join(reference), reference),
                    ("html-external", "relnotes render --audience external", [relnotes, "render", "--root", site, "--audience", "external"]),
                    ("html-internal", "relnotes render --audience internal", [relnotes, "render", "--root", site, "--audience", "internal"]),
                    ("reference-markdown", " ".join(reference + ["-t", "commonmark"]), reference + ["-t", "commonmark"]),
                    ("markdown-external", "relnotes render --format markdown --audience external",
                     [relnotes, "render", "--root", site, "--format", "markdown", "--audience", "external"]),
                    ("markdown-internal", "relnotes render --format markdown --audience internal",
                     [relnotes, "render", "--root", site, "--format", "markdown", "--audience", "internal"]),
                ]
                for name, label, argv in renders:
                    workspace = space(f"render-{document}-{name}")
                    plan.append(Measurement(("render", size, location, f"{document}-{name}"), label, argv, workspace=workspace,
                                            stdin=corpora[size]["documents"][document], stdout=os.path.join(workspace, "out"),
                                            disk=disk, document=document))
    size = sizes[-1]
    site = corpora[size]["relnotes"]
    version = corpora[size]["newest"]
    plan.append(Measurement(("command", size, "-", "check"), "relnotes check", [relnotes, "check", "--root", site]))
    plan.append(Measurement(("command", size, "-", "notes"), f"relnotes notes {version}", [relnotes, "notes", version, "--root", site]))
    plan.append(Measurement(("command", size, "-", "announce"), f"relnotes announce {version}",
                            [relnotes, "announce", version, "--root", site]))
    return plan


def run_rounds(arguments, plan, scratch):
    total = arguments.warmup + arguments.runs
    started = time.monotonic()
    for round_number in range(total):
        warmup = round_number < arguments.warmup
        order = plan if round_number % 2 == 0 else list(reversed(plan))
        name = f"warm-up {round_number + 1}/{arguments.warmup}" if warmup else f"run {round_number - arguments.warmup + 1}/{arguments.runs}"
        for measurement in order:
            if measurement.error:
                continue
            result = measurement.run(arguments.timeout, scratch)
            group, size, location, _ = measurement.key
            where = f"{size} {location}" if location != "-" else size
            if measurement.document:
                where += f" {measurement.document}"
            if result is None:
                log(f"  [{name}] {where:12} {measurement.label}: {measurement.error} (not run again)")
                if measurement.error.startswith("timeout") and group in ("build", "render"):
                    # The same program on the same corpus elsewhere, or another render of the
                    # same document (on either location), would only time out too: do not
                    # spend the timeout again.
                    for other in plan:
                        if (other.key[:2] == measurement.key[:2] and other.argv[0] == measurement.argv[0]
                                and not other.error and (other.document == measurement.document if group == "render"
                                                         else other.key[3] == measurement.key[3])):
                            other.error = f"not run: {measurement.key[3]} on {location} timed out"
                            other.walls.clear()
                            log(f"  {size} {other.key[2]:6} {other.label}: {other.error}")
                continue
            if not warmup:
                measurement.record(result)
            log(f"  [{name}] {where:12} {measurement.label}: {seconds(result[0])}")
        log(f"benchmark: {name} done, {time.monotonic() - started:.0f} s so far")


# ---------------------------------------------------------------------------------------
# formatting


def seconds(value):
    if value is None:
        return "—"
    if value == 0:
        return "0 ms"
    if value < 0.01:
        return f"{value * 1000:.1f} ms"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    if value < 100:
        return f"{value:.2f} s"
    return f"{value:.0f} s"


def span(values):
    low, high = min(values), max(values)
    if high < 1:
        return f"{low * 1000:.0f}–{high * 1000:.0f} ms" if low >= 0.01 else f"{low * 1000:.1f}–{high * 1000:.1f} ms"
    return f"{low:.2f}–{high:.2f} s"


def megabytes(value):
    return f"{value / 2**20:.0f} MB"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def times(value):
    return "—" if value is None else f"{value:.2f}×"


def table(headers, rows, left=2):
    widths = [max(len(str(row[i])) for row in [headers] + rows) for i in range(len(headers))]
    lines = []
    for number, row in enumerate([headers] + rows):
        cells = [str(cell).ljust(widths[i]) if i < left else str(cell).rjust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def stats_cells(measurement):
    if measurement.error:
        return [measurement.error, "", "", ""]
    return [seconds(measurement.median), span(measurement.walls), seconds(statistics.median(measurement.cpus)),
            megabytes(max(measurement.rss))]


# ---------------------------------------------------------------------------------------
# preview


def http_get(base, path, timeout=10.0):
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException):
        return None, b""
    finally:
        connection.close()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)


def peak_rss(pid):
    try:
        with open(f"/proc/{pid}/status") as file:
            for line in file:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


class Preview:
    """A `relnotes preview` process whose output lines are collected by two threads."""

    def __init__(self, relnotes, root, port):
        self.lines = []
        self.url = None
        self.found = threading.Event()
        self.started = time.perf_counter()
        self.process = subprocess.Popen([relnotes, "preview", "--root", root, "--port", str(port)],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, errors="replace", start_new_session=True)
        for stream in (self.process.stdout, self.process.stderr):
            threading.Thread(target=self.read, args=(stream,), daemon=True).start()

    def read(self, stream):
        for line in stream:
            self.lines.append((time.perf_counter(), line.rstrip("\n")))
            match = re.search(r"https?://[^\s)]+", line)
            if match and not self.url:
                self.url = match.group(0)
                self.found.set()
        self.found.set()  # the stream ended: the process has stopped

    def wait_url(self, timeout):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and not self.url and self.process.poll() is None:
            self.found.wait(0.05)
        return self.url

    def rebuild_times(self):
        return [int(match.group(1)) / 1000 for _, line in self.lines
                for match in [re.search(r"^build \d+: \d+ files in (\d+) ms", line)] if match]

    def stop(self):
        if self.process.poll() is not None:
            return f"had already exited ({self.process.returncode})"
        began = time.perf_counter()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
            return f"SIGTERM: exited in {seconds(time.perf_counter() - began)}"
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait()
            return "did not exit within 10 s of SIGTERM: SIGKILL"


def wait_for(condition, timeout, interval=0.005, since=None):
    """Seconds from since (default: now) until condition() holds, polling every interval,
    or None after timeout."""
    started = time.perf_counter() if since is None else since
    while True:
        if condition():
            return time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            return None
        time.sleep(interval)


def atomic_write(path, text):
    temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.bench-save")
    with open(temporary, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, path)


def measure_preview(arguments, relnotes, source, version, size):
    results = {"size": size, "notes": []}
    root = os.path.join(arguments.work, "preview-root")
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("site"))
    results["root"] = root
    results["files"] = sum(len(files) for _, _, files in os.walk(os.path.join(root, "content")))
    timeout = arguments.preview_timeout
    log(f"benchmark: preview of a copy of the {size} corpus ({root})")

    preview = Preview(relnotes, root, 0)
    url = preview.wait_url(timeout)
    if not url and preview.process.poll() is not None:
        port = free_port()
        results["notes"].append(f"--port 0 failed ({preview.process.returncode}); used port {port}")
        preview = Preview(relnotes, root, port)
        url = preview.wait_url(timeout)
        if not url and preview.process.poll() is None:
            url = f"http://127.0.0.1:{port}/"
    try:
        if not url:
            tail = " / ".join(line for _, line in preview.lines[-3:])
            results["error"] = ("no URL printed within the timeout" if preview.process.poll() is None
                                else f"exited ({preview.process.returncode}) before serving: {tail}")
            return results
        results["url"] = url
        if preview.process.poll() is None:
            first = wait_for(lambda: http_get(url, "/", 5)[0] == 200, timeout, 0.01)
        else:
            first = None
        if first is None:
            results["error"] = "the first page was not served within the timeout"
            return results
        results["startup"] = time.perf_counter() - preview.started
        url_time = next((at for at, line in preview.lines if url in line), None)
        results["url_printed"] = url_time - preview.started if url_time else None

        # One entry of the newest released version whose title shows on its internal page.
        page_path = f"/internal/releases/{version}/"
        status, page = http_get(url, page_path, 30)
        page_text = page.decode("utf-8", "replace")
        folder = os.path.join(root, "content", "releases", version)
        entry = original = title = None
        for name in sorted(os.listdir(folder)):
            if name == "release.md" or not name.endswith(".md"):
                continue
            fields, text = front_matter(os.path.join(folder, name))
            candidate = yaml_scalar(fields.get("title", ""))
            if candidate and (html.escape(candidate, quote=False) in page_text or html.escape(candidate) in page_text):
                entry, original, title = os.path.join(folder, name), text, candidate
                break
        if not entry:
            results["error"] = f"no entry title of {version} found on {page_path} (status {status})"
            return results
        results["entry"] = os.path.relpath(entry, root)
        results["page"] = page_path

        # Idle CPU, the watcher running.
        time.sleep(1)
        ticks_per_second = os.sysconf("SC_CLK_TCK")
        before, began = cpu_ticks(preview.process.pid), time.perf_counter()
        time.sleep(arguments.idle_seconds)
        after, ended = cpu_ticks(preview.process.pid), time.perf_counter()
        results["idle_cpu"] = (after - before) / ticks_per_second / (ended - began)

        def generation():
            code, body = http_get(url, GENERATION_PATH, 30)
            return body.strip() if code == 200 else None

        page_latencies, reload_latencies = [], []
        title_line = re.compile(r"^title:.*$", re.MULTILINE)
        for number in range(arguments.edits):
            new_title = f"Benchmark edit {number + 1} {secrets.token_hex(4)}"
            edited = title_line.sub(lambda _: "title: " + json.dumps(new_title), original, count=1)
            seen = generation()
            found = {}

            def poll_page():
                found["page"] = wait_for(lambda: new_title.encode() in http_get(url, page_path, 30)[1], timeout, since=saved)

            def poll_generation():
                found["reload"] = wait_for(lambda: (lambda now: now is not None and now != seen)(generation()), timeout,
                                           since=saved)

            atomic_write(entry, edited)
            saved = time.perf_counter()
            pollers = [threading.Thread(target=poll_page), threading.Thread(target=poll_generation)]
            for poller in pollers:
                poller.start()
            for poller in pollers:
                poller.join(timeout + 30)
            page_latencies.append(found.get("page"))
            reload_latencies.append(found.get("reload"))
            log(f"  edit {number + 1}: page {seconds(found.get('page')) if found.get('page') is not None else 'timeout'}, "
                f"reload event {seconds(found.get('reload')) if found.get('reload') is not None else 'timeout'}")
            if found.get("page") is None:
                break  # do not wait out the timeout again
        results["page_latencies"] = page_latencies
        results["reload_latencies"] = reload_latencies

        atomic_write(entry, original)
        shown = (html.escape(title, quote=False).encode(), html.escape(title).encode())
        restored = wait_for(lambda: (lambda body: any(form in body for form in shown))(http_get(url, page_path, 30)[1]), timeout, 0.02)
        results["restored"] = restored
        results["rebuilds"] = preview.rebuild_times()
        results["rss"] = peak_rss(preview.process.pid)
        return results
    except Exception as error:  # e.g. the server died: report it, keep the other figures
        results["error"] = f"{type(error).__name__}: {error}"
        return results
    finally:
        results["stop"] = preview.stop()
        if not arguments.keep:
            shutil.rmtree(root, ignore_errors=True)


# ---------------------------------------------------------------------------------------
# report


def report(arguments, sizes, locations, plan, corpora, preview):
    by_key = {measurement.key: measurement for measurement in plan}

    def get(group, size, location, name):
        return by_key.get((group, size, location, name))

    def median(group, size, location, name):
        measurement = get(group, size, location, name)
        return measurement.median if measurement else None

    runs = f"{arguments.runs} run{'s' if arguments.runs != 1 else ''}, {arguments.warmup} warm-up"
    for size in sizes:
        info = corpora[size]
        print(f"Build, {size} corpus ({info['releases']} releases, {info['entries']} entries, {info['files']} files), "
              f"2 audiences ({runs}; medians; ×: median ÷ median)")
        rows = []
        for location in locations:
            hugo, floor = median("build", size, location, "hugo"), median("build", size, location, "floor")
            for name in ("relnotes", "hugo", "floor"):
                measurement = get("build", size, location, name)
                rows.append([measurement.label, location, *stats_cells(measurement),
                             times(ratio(measurement.median, hugo)) if name != "hugo" else "",
                             times(ratio(measurement.median, floor)) if name != "floor" else ""])
        print(table(["command", "on", "median", "min–max", "cpu", "peak RSS", "×hugo", "×floor"], rows))
        print()

    for size in sizes:
        for document in DOCUMENTS:
            markdown = corpora[size]["documents"][document]
            print(f"Render, {document}.md of the {size} corpus ({os.path.getsize(markdown) / 1e6:.1f} MB, "
                  f"{DOCUMENT_TITLES[document]}; on stdin, output to a file; {runs})")
            rows = []
            for location in locations:
                for name in ("reference-html", "html-external", "html-internal",
                             "reference-markdown", "markdown-external", "markdown-internal"):
                    measurement = get("render", size, location, f"{document}-{name}")
                    reference = median("render", size, location,
                                       f"{document}-reference-{'html' if name.startswith('html') else 'markdown'}")
                    rows.append([measurement.label, location, *stats_cells(measurement),
                                 times(ratio(measurement.median, reference)) if not name.startswith("reference") else ""])
            print(table(["command", "on", "median", "min–max", "cpu", "peak RSS",
                         "×cmark" if document == "plain" else "×cmark-gfm"], rows))
            print()

    size = sizes[-1]
    build = median("build", size, "tmpfs", "relnotes")
    print(f"Commands on the {size} corpus ({runs})")
    rows = []
    for name in ("check", "notes", "announce"):
        measurement = get("command", size, "-", name)
        rows.append([measurement.label, "", *stats_cells(measurement),
                     times(ratio(measurement.median, build)) if name == "check" else ""])
    print(table(["command", "", "median", "min–max", "cpu", "peak RSS", "×build"], rows))
    print()

    per_entry = {}
    for each in sizes:
        wall = median("build", each, "tmpfs", "relnotes")
        per_entry[each] = wall / corpora[each]["entries"] if wall is not None else None
    print("Per-entry cost (relnotes build on tmpfs, median wall ÷ entries)")
    rows = [[each, "", f"{per_entry[each] * 1000:.2f} ms" if per_entry[each] is not None else "—"] for each in sizes]
    print(table(["corpus", "", "per entry"], rows))
    growth = ratio(per_entry.get("large"), per_entry.get("small"))
    print(f"large ÷ small: {times(growth)}" if "large" in sizes else "large ÷ small: — (--quick: small corpus only)")
    print()

    if preview is not None:
        print(f"Preview (relnotes preview --port 0 on a copy of the {preview['size']} corpus, {preview.get('files', '?')} files; "
              f"edits: a temporary file renamed over one entry with a new title)")
        if preview.get("error"):
            print(f"error: {preview['error']}")
        rows = []

        def latency_row(label, values):
            if values is None:
                return
            done = [value for value in values if value is not None]
            timeouts = len(values) - len(done)
            rows.append([label, seconds(statistics.median(done)) if done else "timeout",
                         seconds(max(done)) if done else "timeout",
                         f"{len(done)}/{len(values)}" + (f" ({timeouts} timeout)" if timeouts else "")])

        if "startup" in preview:
            rows.append(["startup to first served page", seconds(preview["startup"]), "", ""])
        if preview.get("url_printed") is not None:
            rows.append(["  of which until the URL was printed", seconds(preview["url_printed"]), "", ""])
        if "idle_cpu" in preview:
            rows.append([f"idle CPU over {arguments.idle_seconds:.0f} s", f"{preview['idle_cpu'] * 100:.1f} %", "", "of one core"])
        latency_row(f"edit → {preview.get('page', 'release page')} shows the title", preview.get("page_latencies"))
        latency_row("edit → /_relnotes/generation changes", preview.get("reload_latencies"))
        if preview.get("rebuilds"):
            rebuilds = preview["rebuilds"]
            rows.append(["builds as logged by the server", seconds(statistics.median(rebuilds)), seconds(max(rebuilds)),
                         f"{len(rebuilds)} builds"])
        if "restored" in preview:
            rows.append(["restore visible", seconds(preview["restored"]) if preview["restored"] is not None else "timeout", "", ""])
        if preview.get("rss"):
            rows.append(["peak RSS (VmHWM)", megabytes(preview["rss"]), "", ""])
        if rows:
            print(table(["", "median", "max", "count"], rows))
        print(f"stop: {preview.get('stop', '—')}")
        for note in preview["notes"]:
            print(f"note: {note}")
        print()

    # Targets, on the tmpfs figures.
    print("Targets (tmpfs medians; peak RSS: the largest of any run)")
    rows = []
    quick = "large" not in sizes

    def target(name, value, limit, shown, below=False):
        if value is None:
            verdict = "n/a"
        else:
            verdict = "PASS" if (value < limit if below else value <= limit) else "FAIL"
        rows.append([verdict, name, shown])

    def ratio_target(name, size, a, b, limit):
        ma, mb = get(*a), get(*b)
        if ma is None or mb is None:
            rows.append(["n/a", name, "(not measured)"])
            return
        for measurement in (ma, mb):
            if measurement.error:
                rows.append(["FAIL" if measurement.error.startswith("timeout") and measurement is ma else "n/a", name,
                             measurement.error if measurement.error.startswith("not run") else f"{measurement.label}: {measurement.error}"])
                return
        value = ratio(ma.median, mb.median)
        target(name, value, limit, f"{times(value)} ({seconds(ma.median)} vs {seconds(mb.median)})")

    big = sizes[-1]
    tag = " [on small: --quick]" if quick else ""
    ratio_target(f"large: relnotes build ≤ 0.5× Hugo wall{tag}", big, ("build", big, "tmpfs", "relnotes"), ("build", big, "tmpfs", "hugo"), 0.5)
    ratio_target(f"large: relnotes build ≤ 3× floor{tag}", big, ("build", big, "tmpfs", "relnotes"), ("build", big, "tmpfs", "floor"), 3)
    builds = [get("build", big, location, "relnotes") for location in locations]
    rss = max((max(m.rss) for m in builds if m and m.rss), default=None)
    target(f"large: relnotes build peak RSS < 400 MB{tag}", rss / 2**20 if rss else None, 400,
           megabytes(rss) if rss else "(no successful run)", below=True)
    if not quick:
        ratio_target("small: relnotes build ≤ 0.5× Hugo wall", "small", ("build", "small", "tmpfs", "relnotes"),
                     ("build", "small", "tmpfs", "hugo"), 0.5)
    target("per-entry cost, large within 1.5× of small", growth, 1.5,
           times(growth) if growth is not None else "(--quick: needs both corpora)")
    for name in ("notes", "announce"):
        measurement = get("command", big, "-", name)
        value = measurement.median
        if measurement.error:
            rows.append(["FAIL" if measurement.error.startswith("timeout") else "n/a", f"{name} ≤ 0.2 s{tag}", measurement.error])
        else:
            target(f"{name} ≤ 0.2 s{tag}", value, 0.2, seconds(value))
    ratio_target(f"check ≤ 0.5× build{tag}", big, ("command", big, "-", "check"), ("build", big, "tmpfs", "relnotes"), 0.5)
    for document, what, reference, limit in (("plain", "without extensions", "cmark", 2), ("mix", "mix", "cmark-gfm", 3)):
        for form in ("html", "markdown"):
            for audience in ("external", "internal"):
                ratio_target(f"render {form} {audience}, 5 MB {what} ≤ {limit}× {reference}{tag}", big,
                             ("render", big, "tmpfs", f"{document}-{form}-{audience}"),
                             ("render", big, "tmpfs", f"{document}-reference-{form}"), limit)
    print(table(["", "target", "measured"], rows, left=3))


# ---------------------------------------------------------------------------------------


def main():
    arguments = parse_arguments()
    if not os.access(arguments.relnotes, os.X_OK):
        sys.exit(f"benchmark: no relnotes binary at {arguments.relnotes} (set RELNOTES or run scripts/benchmark)")
    for tool in (TIME, shutil.which("hugo"), shutil.which("cmark"), shutil.which("cmark-gfm"), shutil.which("cc")):
        if not tool or not os.access(tool, os.X_OK):
            sys.exit("benchmark: hugo, cmark, cmark-gfm, cc and /usr/bin/time are needed (scripts/benchmark installs them)")
    sizes = ["small"] if arguments.quick else ["small", "large"]
    locations = ["tmpfs"] if arguments.skip_disk else ["tmpfs", "disk"]
    bench = shared_bench()
    os.makedirs(arguments.work, exist_ok=True)

    corpora, sources = {}, []
    for size in sizes:
        corpora[size] = {}
        for flavor in FLAVORS:
            folder, how = corpus(arguments, bench, size, flavor)
            corpora[size][flavor] = folder
            sources.append(f"{size}-{flavor}: {folder} ({how})")
        releases, entries, files, newest = describe_corpus(corpora[size]["relnotes"])
        corpora[size].update(releases=releases, entries=entries, files=files, newest=newest)
        documents, how = render_documents(arguments, size, concat_file(corpora[size]["concat"]))
        corpora[size]["documents"] = documents
        for document in DOCUMENTS:
            sources.append(f"{size}-render: {documents[document]} ({os.path.getsize(documents[document]) / 1e6:.1f} MB, "
                           f"{DOCUMENT_TITLES[document]}; {how})")
    floor = build_floor(arguments, bench)

    if not os.path.isdir(arguments.tmpfs_dir):
        sys.exit(f"benchmark: no {arguments.tmpfs_dir} (pass --tmpfs-dir)")
    tmpfs = tempfile.mkdtemp(prefix="relnotes-bench.", dir=arguments.tmpfs_dir)
    places = {"tmpfs": tmpfs, "disk": arguments.disk_dir}
    scratch = os.path.join(tmpfs, "scratch")
    os.makedirs(scratch)
    if not arguments.skip_disk:
        shutil.rmtree(arguments.disk_dir, ignore_errors=True)
        os.makedirs(arguments.disk_dir)
    warnings = []
    tmpfs_fs, disk_fs = file_system(tmpfs), file_system(arguments.disk_dir)
    if tmpfs_fs[0] != "tmpfs":
        warnings.append(f"warning: {tmpfs} is on {tmpfs_fs[0]}, not tmpfs")
    if not arguments.skip_disk and disk_fs[0] in ("tmpfs", "ramfs", "overlay"):
        warnings.append(f"warning: the disk folder {arguments.disk_dir} is on {disk_fs[0]}: pass --disk-dir on a real disk")

    memory = meminfo()
    print(f"relnotes benchmark, {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"machine:  {platform.machine()}, {len(os.sched_getaffinity(0))} CPUs (nproc) of {os.cpu_count()}, "
          f"{cpu_model()}, {gb(memory.get('MemTotal', 0))} memory ({gb(memory.get('MemAvailable', 0))} available), "
          f"Linux {platform.release()}, load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"relnotes: {relnotes_version(arguments.relnotes)}")
    print(f"hugo:     {first_line(['hugo', 'version'])}")
    print(f"cmark:    {first_line(['cmark', '--version'])}")
    print(f"cmark-gfm: {first_line(['cmark-gfm', '--version'])}")
    print(f"floor:    {floor} (cc -O2 {os.path.join(bench, 'floor.c')} -lcmark; {first_line(['cc', '--version'])})")
    print(f"timing:   {TIME} (GNU time {first_line(['dpkg-query', '-W', '-f=${Version}', 'time'])}) for peak RSS and CPU; wall measured around it; "
          f"{arguments.runs} run{'s' if arguments.runs != 1 else ''} after {arguments.warmup} warm-up, alternating; outputs removed before every run")
    print(f"tmpfs:    {tmpfs} ({tmpfs_fs[0]} {tmpfs_fs[1]} on {tmpfs_fs[2]})")
    if not arguments.skip_disk:
        print(f"disk:     {arguments.disk_dir} ({disk_fs[0]} {disk_fs[1]} on {disk_fs[2]}; os.sync() before every run)")
    for size in sizes:
        info = corpora[size]
        print(f"corpus:   {size}: {info['releases']} releases, {info['entries']} entries, newest released {info['newest']}")
    for source in sources:
        print(f"          {source}")
    for warning in warnings:
        print(warning)
    print(flush=True)

    preview = None
    try:
        plan = plan_measurements(arguments, sizes, locations, places, corpora, floor, arguments.relnotes)
        log(f"benchmark: {len(plan)} commands, {arguments.warmup} warm-up + {arguments.runs} rounds")
        run_rounds(arguments, plan, scratch)
        if not arguments.skip_preview:
            size = sizes[-1]
            preview = measure_preview(arguments, arguments.relnotes, corpora[size]["relnotes"], corpora[size]["newest"], size)
        report(arguments, sizes, locations, plan, corpora, preview)
        print(f"\nload at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if arguments.keep:
            log(f"benchmark: outputs kept in {tmpfs} and {arguments.disk_dir}")
        else:
            shutil.rmtree(tmpfs, ignore_errors=True)
            if not arguments.skip_disk:
                shutil.rmtree(arguments.disk_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
