#!/usr/bin/env python3
"""Keep a Unity .meta file beside every file and folder Unity imports from this package.

A package installed from git or a tarball is read-only, and Unity ignores any asset that has
no .meta there, so the metas must be committed. Unity skips (and so does this tool) every
name that starts with '.', ends with '~', is named 'cvs', or ends with '.tmp', along with
everything inside such a folder. The package root itself is the package, not an asset.

    python3 .tools/meta.py            create the missing metas (fresh random GUIDs)
    python3 .tools/meta.py --check    change nothing; exit 1 listing missing, orphaned,
                                      malformed and duplicate-GUID metas
    python3 .tools/meta.py --prune    create the missing metas and delete orphaned ones

An orphan is a .meta whose asset is gone (or is one Unity does not import). A folder that holds
no file Unity imports counts as gone: git does not keep empty folders, so a clone lacks it. Existing metas are
never rewritten, so running it again changes nothing. PackageTests (MetaFileTests) applies the
same rules in C#; change both together.
"""
import argparse
import os
import re
import secrets
import sys

META = ".meta"
GUID_LINE = re.compile(r"^guid: ([0-9a-f]{32})\s*$", re.MULTILINE)
FOLDER_LINE = re.compile(r"^folderAsset: yes\s*$", re.MULTILINE)

# Unity imports these as TextAsset (manual: "Text assets").
TEXT_EXTENSIONS = {".bytes", ".csv", ".fnt", ".htm", ".html", ".json", ".md", ".txt", ".xml", ".yaml"}
# Files Unity has no importer for: it gives them a DefaultImporter (a DefaultAsset).
DEFAULT_EXTENSIONS = {"", ".js", ".mjs", ".cjs", ".ts", ".css", ".map", ".props", ".targets", ".csproj",
                      ".sln", ".slnx", ".py", ".sh", ".ps1", ".cmd", ".bat", ".editorconfig", ".tgz", ".zip"}

TAIL = "  externalObjects: {}\n  userData: \n  assetBundleName: \n  assetBundleVariant: \n"
MONO = ("MonoImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  defaultReferences: []\n"
        "  executionOrder: 0\n  icon: {instanceID: 0}\n  userData: \n  assetBundleName: \n"
        "  assetBundleVariant: \n")


def is_hidden(name):
    """Unity's rule for names it does not import (the manual's "Hidden assets")."""
    lower = name.lower()
    return name.startswith(".") or name.endswith("~") or lower == "cvs" or lower.endswith(".tmp")


def importer_block(path, is_dir):
    """The importer section Unity writes for this kind of asset; None lets Unity choose."""
    if is_dir:
        return "folderAsset: yes\nDefaultImporter:\n" + TAIL
    ext = os.path.splitext(path)[1].lower()
    if ext == ".cs":
        return MONO
    if ext == ".asmdef":
        return "AssemblyDefinitionImporter:\n" + TAIL
    if ext == ".asmref":
        return "AssemblyDefinitionReferenceImporter:\n" + TAIL
    if ext in TEXT_EXTENSIONS:
        return "TextScriptImporter:\n" + TAIL
    if ext in DEFAULT_EXTENSIONS:
        return "DefaultImporter:\n" + TAIL
    # A DLL's PluginImporter (platforms, the RoslynAnalyzer label of the generator) is written by hand, as Unity
    # would after the label is set in the Inspector; a new DLL gets a guid-only meta and an Unity default.
    # Textures, plugins, UI Toolkit files...: a guid-only meta is valid, and Unity fills in its
    # own importer's defaults, which is better than guessing them wrong here.
    return None


def meta_text(guid, block):
    return "fileFormatVersion: 2\nguid: " + guid + "\n" + (block or "")


def scan(root):
    """Return (assets, metas): assets maps relative path -> is_dir; metas is a list of relative paths."""
    assets, metas = {}, []
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        try:
            entries = list(os.scandir(os.path.join(root, rel_dir)))
        except FileNotFoundError:  # removed while we looked: others work in this tree too
            continue
        for entry in entries:
            if is_hidden(entry.name):
                continue
            rel = os.path.join(rel_dir, entry.name) if rel_dir else entry.name
            is_dir = entry.is_dir(follow_symlinks=False)
            if not is_dir and entry.name.endswith(META):
                metas.append(rel)
                continue
            assets[rel] = is_dir
            if is_dir:
                stack.append(rel)
    # git keeps no empty folders, so a clone would not have them: their metas would be orphans
    # there (Unity warns about those). A folder is an asset only when it holds a file asset.
    kept = set()
    for rel, is_dir in assets.items():
        if not is_dir:
            parent = os.path.dirname(rel)
            while parent and parent not in kept:
                kept.add(parent)
                parent = os.path.dirname(parent)
    return {rel: is_dir for rel, is_dir in assets.items() if not is_dir or rel in kept}, metas


def read_meta(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError):
        return ""


def audit(root, assets, metas):
    """Everything wrong with the metas, as printable lines, plus the orphans and known GUIDs."""
    problems, orphans, guids = [], [], {}
    meta_set = set(metas)
    for rel in sorted(assets):
        if rel + META not in meta_set:
            problems.append("missing  " + rel + META)
    for rel in sorted(metas):
        asset = rel[: -len(META)]
        if asset not in assets:
            orphans.append(rel)
            problems.append("orphan   " + rel)
            continue
        text = read_meta(os.path.join(root, rel))
        match = GUID_LINE.search(text)
        if not match:
            problems.append("no guid  " + rel)
            continue
        guids.setdefault(match.group(1), []).append(rel)
        if bool(FOLDER_LINE.search(text)) != assets[asset]:
            kind = "a folder" if assets[asset] else "a file"
            problems.append("wrong    " + rel + " (its asset is " + kind + ")")
    for guid, owners in sorted(guids.items()):
        if len(owners) > 1:
            problems.append("dup guid " + guid + ": " + ", ".join(owners))
    return problems, orphans, set(guids)


def fresh_guid(taken):
    while True:
        guid = secrets.token_hex(16)
        if guid not in taken:
            taken.add(guid)
            return guid


def create_missing(root, assets, metas, taken):
    meta_set = set(metas)
    created = []
    for rel in sorted(assets):
        if rel + META in meta_set:
            continue
        text = meta_text(fresh_guid(taken), importer_block(rel, assets[rel]))
        try:
            # 'x': another process may be creating the same meta right now; theirs wins.
            with open(os.path.join(root, rel + META), "x", encoding="utf-8", newline="\n") as f:
                f.write(text)
            created.append(rel + META)
        except FileExistsError:
            pass
    return created


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="report problems, change nothing, exit 1 if any")
    mode.add_argument("--prune", action="store_true", help="also delete orphaned metas")
    parser.add_argument("root", nargs="?", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        help="package root (default: the folder above .tools)")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.root)
    if not os.path.isfile(os.path.join(root, "package.json")):
        print("meta.py: no package.json in " + root, file=sys.stderr)
        return 2

    assets, metas = scan(root)
    problems, orphans, taken = audit(root, assets, metas)
    if args.check:
        for line in problems:
            print(line)
        print("meta.py: %d assets, %d metas, %d problems" % (len(assets), len(metas), len(problems)))
        return 1 if problems else 0

    for rel in create_missing(root, assets, metas, taken):
        print("created  " + rel)
    for rel in orphans:
        if args.prune:
            os.remove(os.path.join(root, rel))
            print("pruned   " + rel)
        else:
            print("orphan   " + rel + " (run with --prune to delete)")
    remaining = [p for p in problems if not p.startswith(("missing", "orphan"))]
    for line in remaining:
        print(line)
    return 1 if remaining else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
