#!/usr/bin/env python3
"""Renders docs/bots.md from docs/src/bots.md.tpl: {{path region lang}} becomes the region, quoted from the file.
BotsGuideTest checks the result, so run this after changing a quoted region."""
import re, sys, pathlib
root = pathlib.Path(__file__).resolve().parents[2]
def region(path, name):
    lines = (root / path).read_text().split("\n")
    start = next(i for i, l in enumerate(lines) if f"tag::{name}[]" in l)
    end = next(i for i, l in enumerate(lines) if f"end::{name}[]" in l)
    body = lines[start + 1:end]
    indent = min(len(l) - len(l.lstrip()) for l in body if l.strip())
    return "\n".join(l[indent:].rstrip() if l.strip() else "" for l in body)
def render(m):
    path, name, lang = m.group(1), m.group(2), m.group(3)
    return f"<!-- snippet: {path} {name} -->\n```{lang}\n{region(path, name)}\n```"
text = (root / "docs/src/bots.md.tpl").read_text()
(root / "docs/bots.md").write_text(re.sub(r"\{\{(\S+) (\S+) (\S+)\}\}", render, text))
