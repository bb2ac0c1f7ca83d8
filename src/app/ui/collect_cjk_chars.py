#!/usr/bin/env python3
"""Writes the characters the interface uses beyond the Latin UI font (glyph_ranges.h) into a
text file for pyftsubset: the Chinese font is cut down to exactly these.

  collect_cjk_chars.py OUT.txt GLYPH_RANGES_H SOURCE...   (files or folders)

C++ files (.cpp, .h) give the characters of their string literals (comments left out,
\\uXXXX decoded), as the string tables hold them; any other file (lessons) gives all of its
text. The output is rewritten only when it changes, so an edit elsewhere rebuilds nothing.
"""
import os
import re
import sys

CXX = ('.cpp', '.h')
LESSON = ('.md', '.json', '.yaml', '.yml', '.txt')


def latin_ranges(header):
    text = open(header, encoding='utf-8').read()
    return [(int(a, 16), int(b, 16))
            for a, b in re.findall(r'^ *0x([0-9A-Fa-f]+), *0x([0-9A-Fa-f]+),', text, re.M)]


def literal_chars(code):
    code = re.sub(r'/\*.*?\*/', '', code, flags=re.S)
    code = re.sub(r'(^|[^:"])//.*$', r'\1', code, flags=re.M)
    for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', code):
        yield from re.sub(r'\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})',
                          lambda m: chr(int(m.group(1) or m.group(2), 16)), literal)


def files(sources):
    for source in sources:
        if os.path.isdir(source):
            for root, _, names in sorted(os.walk(source)):
                for name in sorted(names):
                    if name.endswith(CXX + LESSON):
                        yield os.path.join(root, name)
        elif os.path.exists(source):
            yield source


def main():
    out, header, *sources = sys.argv[1:]
    ranges = latin_ranges(header)
    if not ranges:
        sys.exit(f'no glyph ranges in {header}')
    chars = set()
    for path in files(sources):
        text = open(path, encoding='utf-8').read()
        chars.update(literal_chars(text) if path.endswith(CXX) else text)
    wanted = sorted(c for c in chars
                    if ord(c) >= 0x20 and not any(a <= ord(c) <= b for a, b in ranges))
    content = ''.join(wanted) + '\n'
    if not os.path.exists(out) or open(out, encoding='utf-8').read() != content:
        with open(out, 'w', encoding='utf-8') as f:
            f.write(content)
    print(f'{len(wanted)} characters for the Chinese UI font')


if __name__ == '__main__':
    main()
