#!/usr/bin/env python3
"""Writes the CONSTRUCTED older-layout fixtures of this folder from the modern cut
`bk-0338-3-cut.txt` (the bundled BK-0338-3 cut to two competences), so that each says exactly
what the modern page says and the tests can compare them. No real decree annex or full dossier
export was found in the search corpus; the layouts follow the issue's description and the one
real dossier export found (docs/formats/bk-dossier-export.md). Run it again after changing the
modern cut: python3 tests/data/bk-layouts/make_older_layouts.py
"""
import os
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
BULLET = "\u2022"
WORD_BULLET = "\uf0b7"  # Word's symbol-font bullet as a text export gives it
# Made-up competence codes in the form the decrees use ("(co 01310)"): the real codes of
# BK-0338's competences are not known to us.
CODES = ["(co 01310)", "(co 01320)"]

DECREE = {
    "Globaal": "1. GLOBAAL", "Titel": "a. Titel", "Definitie": "b. Definitie",
    "Niveau (VKS en EQF)": "c. Niveau", "Jaar van erkenning": "d. Jaartal",
    "Competenties": "2. COMPETENTIES", "Opsomming competenties": "2.1 Opsomming competenties",
    "Beschrijving competenties a.d.h.v. de descriptorelementen":
        "2.2 Beschrijving competenties a.d.h.v. de descriptorelementen",
    "Kennis": "2.2.1 Kennis", "Algemene kennis": "2.2.1.1 Algemene kennis",
    "Specifieke kennis": "2.2.1.2 Specifieke kennis", "Vaardigheden": "2.2.2 Vaardigheden",
    "Cognitieve vaardigheden": "2.2.2.1 Cognitieve vaardigheden",
    "Probleemoplossende vaardigheden": "2.2.2.2 Probleemoplossende vaardigheden",
    "Motorische vaardigheden": "2.2.2.3 Motorische vaardigheden",
    "Omgevingscontext": "3. CONTEXT\n3.1 Omgevingscontext",
    "Handelingscontext": "3.2 Handelingscontext", "Autonomie": "4. AUTONOMIE",
    "Is zelfstandig in": "4.1 Is zelfstandig in", "Is gebonden aan": "4.2 Is gebonden aan",
    "Doet beroep op": "4.3 Doet beroep op", "Verantwoordelijkheid": "5. VERANTWOORDELIJKHEID",
    "Attesten en voorwaarden": "6. ATTESTEN",
    "Wettelijke attesten en voorwaarden": "6.1 Wettelijke attesten en voorwaarden",
}
DOSSIER = {
    "Globaal": "1. Globaal", "Titel": "1.1 TITEL", "Definitie": "1.2 DEFINITIE",
    "Niveau (VKS en EQF)": "1.3 NIVEAU", "Jaar van erkenning": None,
    "Competenties": "/" * 60 + "\n2. Competenties",
    "Opsomming competenties": "2.1 OPSOMMING COMPETENTIES",
    "Beschrijving competenties a.d.h.v. de descriptorelementen":
        "2.2 BESCHRIJVING COMPETENTIES A.D.H.V. DE DESCRIPTORELEMENTEN",
    "Kennis": "2.2.1 KENNIS", "Algemene kennis": "2.2.1.1 ALGEMENE KENNIS",
    "Specifieke kennis": "2.2.1.2 SPECIFIEKE KENNIS", "Vaardigheden": "2.2.2 VAARDIGHEDEN",
    "Cognitieve vaardigheden": "2.2.2.1 COGNITIEVE VAARDIGHEDEN",
    "Probleemoplossende vaardigheden": "2.2.2.2 PROBLEEMOPLOSSENDE VAARDIGHEDEN",
    "Motorische vaardigheden": "2.2.2.3 MOTORISCHE VAARDIGHEDEN",
    "Omgevingscontext": "/" * 60 + "\n3. Context\n3.1 OMGEVINGSCONTEXT",
    "Handelingscontext": "3.2 HANDELINGSCONTEXT", "Autonomie": "4. Autonomie",
    "Is zelfstandig in": "4.1 IS ZELFSTANDIG IN", "Is gebonden aan": "4.2 IS GEBONDEN AAN",
    "Doet beroep op": "4.3 DOET BEROEP OP", "Verantwoordelijkheid": "5. VERANTWOORDELIJKHEID",
    "Attesten en voorwaarden": "6. ATTESTEN EN VOORWAARDEN",
    "Wettelijke attesten en voorwaarden": "6.1 WETTELIJKE ATTESTEN EN VOORWAARDEN",
}


def modern_sections():
    """(heading, [(kind, text)]) of the modern cut; kind is 'text', 'item', 'competence',
    'knowledge' or 'title'."""
    with open(os.path.join(HERE, "bk-0338-3-cut.txt"), encoding="utf-8") as f:
        lines = [l for l in f.read().split("\n") if not l.startswith("# ")]
    sections, current = [], None
    for line in lines[lines.index("Globaal"):]:
        text = line.strip(" \u00a0")
        if not text:
            continue
        if line == text and text in DECREE:
            current = (text, [])
            sections.append(current)
        elif text.startswith(BULLET + " Competentie "):
            current[1].append(("competence", text[2:]))
        elif text == BULLET + " met inbegrip van kennis:":
            current[1].append(("knowledge", text[2:]))
        elif text.startswith(BULLET):
            current[1].append(("item", text[2:]))
        elif current[1] and current[1][-1][0] == "competence":
            current[1].append(("title", text))
        else:
            current[1].append(("text", text))
    return sections


def decree_lines(year):
    out = ["Bijlage bij het besluit van de Vlaamse Regering tot erkenning van de "
           "beroepskwalificatie syndicaal deskundige"]
    number = 0
    for heading, body in modern_sections():
        out.extend(DECREE[heading].split("\n"))
        for kind, text in body:
            if heading == "Jaar van erkenning":
                out.append(str(year))
            elif kind == "competence":
                number += 1
                out.append(["BASISACTIVITEITEN", "SPECIFIEKE ACTIVITEITEN"][number - 1])
            elif kind == "title":
                out.append(BULLET + " " + text + " " + CODES[number - 1])
            elif kind == "knowledge":
                out.append("    Met inbegrip van de kennis van:")
            elif kind == "item" and heading == "Opsomming competenties":
                out.append("    o " + text)
            elif kind == "item":
                out.append("- " + text)
            else:
                out.append(text)
    return out


def dossier_lines():
    out = ["BEROEPSKWALIFICATIEDOSSIER", "Syndicaal deskundige", "/" * 60]
    for heading, body in modern_sections():
        if DOSSIER[heading] is None:
            continue  # a dossier precedes its recognition: no year
        out.extend(DOSSIER[heading].split("\n"))
        for kind, text in body:
            if kind == "competence":
                continue
            if kind == "title":
                out.append(WORD_BULLET + " " + text + " " + CODES[len(
                    [l for l in out if l.startswith(WORD_BULLET)])])
            elif kind == "knowledge":
                out.append("    met inbegrip van kennis:")
            elif kind == "item":
                indent = "    o " if heading == "Opsomming competenties" else "o "
                out.extend(textwrap.wrap(text, 72, initial_indent=indent,
                                         subsequent_indent=" " * len(indent)))
            else:
                out.extend(textwrap.wrap(text, 72))
    return out


def one_line_piece(line):
    """A line of the annex as a flattened copy keeps it: "o" and "-" bullets come through as
    the one bullet character such copies keep ("•")."""
    line = line.strip()
    if line.startswith("o ") or line.startswith("- "):
        return BULLET + line[1:]
    return line


def write(name, header, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        f.write("\n".join(lines) + "\n")


def main():
    constructed = ("CONSTRUCTED by make_older_layouts.py from bk-0338-3-cut.txt (no real copy of "
                   "this layout was found);")
    write("BK-0338-1-decree-annex.txt",
          [constructed, "a decree annex as the issue describes it (2014 here, made-up co codes)."],
          decree_lines(2014))
    write("BK-0338-1-decree-annex-one-line.txt",
          [constructed, "the same decree annex flattened onto one line."],
          [" ".join(one_line_piece(l) for l in decree_lines(2014))])
    write("BK-0338-1-decree-annex-one-line-mixed.txt",
          [constructed, "the same decree annex flattened onto one line as it is: \"•\" before "
           "the competences, its \"o\" and \"-\" bullets kept."],
          [" ".join(l.strip() for l in decree_lines(2014))])
    write("BK-0338-3-dossier-export.txt",
          [constructed, "a Word dossier export, hard-wrapped at 72, in the real one's layout."],
          dossier_lines())
    repealed = decree_lines(2017)
    repealed.insert(1, "Deze beroepskwalificatie is opgeheven.")
    write("BK-0338-2-decree-annex-repealed.txt",
          [constructed, "a decree annex with a repeal line (wording made up)."], repealed)


if __name__ == "__main__":
    main()
