"""Print-friendly, black-and-white PDFs (fpdf2, offline): the therapist summary and the
safety plan.

A Unicode TrueType font from the system is used when one is found, so every language
and most symbols print; a character the font has no shape for (most emoji) prints as
MISSING, never silently dropped, and the page says so. Without such a font the built-in
Helvetica is used and characters it cannot show become "?". Invisible formatting
characters (direction isolates, zero-width joiners) carry no words and are left out.
The Markdown version always has every character.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

from core import plan as safety_plan
from core.summary import NOTICE, Summary, summary_lines

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/Library/Fonts/Arial Unicode.ttf"),
    Path("C:/Windows/Fonts/arial.ttf"),
)
SIZES = {"h1": 16, "h2": 13, "h3": 11, "p": 10, "user": 10, "small": 8}
PLAN_SIZES = {"h1": 20, "h2": 15, "h3": 14, "p": 12, "user": 13, "small": 10}
PLAN_NOTICE = ("Small Steps is a self-help tool, not treatment. In an emergency, call your "
               "local emergency number.")


MISSING = "\u25af"  # ▯ (DejaVu has it; "?" in a font that doesn't)
MISSING_NOTE = f"{MISSING} marks a character (like an emoji) this PDF can't show."
# fpdf2 logs the characters a font lacks, which would put a person's words in the log.
logging.getLogger("fpdf").setLevel(logging.ERROR)


@cache
def _shapes(font: Path) -> frozenset[int]:
    """The characters `font` can draw."""
    with TTFont(str(font), lazy=True) as loaded:
        return frozenset(loaded.getBestCmap())


def printable(text: str, font: Path) -> tuple[str, bool]:
    """`text` as `font` can print it, and whether any character had to be marked."""
    shapes = _shapes(font)
    marker = MISSING if ord(MISSING) in shapes else "?"
    out, marked = [], False
    for char in text:
        if char in "\n\t" or ord(char) in shapes:
            out.append(char)
        elif unicodedata.category(char) in ("Cf", "Mn"):
            continue  # invisible formatting, or a mark the font can't place
        else:
            out.append(marker)
            marked = True
    return "".join(out), marked


def unicode_font() -> Path | None:
    return next((p for p in FONT_CANDIDATES if p.is_file()), None)


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def _render(lines: list[tuple[str, str]], *, title: str, notice: str, sizes: Mapping[str, float],
            font: Path | None) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(title)
    pdf.set_creator("Small Steps")
    family = "Helvetica"
    if font is not None:
        pdf.add_font("Body", "", str(font))
        family = "Body"
    marked = False

    def clean(text: str) -> str:
        nonlocal marked
        if font is None:
            return _latin1(text)
        shown, missing = printable(text, font)
        marked = marked or missing
        return shown

    pdf.add_page()
    for kind, text in lines:
        pdf.set_font(family, size=sizes[kind])
        if kind in ("h2", "h3"):
            pdf.ln(sizes[kind] * 0.2)
        indent = 6 if kind == "user" else 0
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.epw - indent, sizes[kind] * 0.55, clean(text),
                       new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(family, size=sizes["small"])
    pdf.ln(4)
    if marked:
        notice = f"{MISSING_NOTE} {notice}"
    pdf.multi_cell(pdf.epw, sizes["small"] * 0.5, clean(notice), new_x="LMARGIN", new_y="NEXT")
    return pdf


def to_pdf(summary: Summary, *, font: Path | None = None) -> bytes:
    font = font if font is not None else unicode_font()
    pdf = _render(summary_lines(summary), title="Small Steps summary", notice=NOTICE,
                  sizes=SIZES, font=font)
    return bytes(pdf.output())


def plan_pdf(plan: safety_plan.SafetyPlan, *, font: Path | None = None) -> bytes:
    """The safety plan on one page, in large print: the type gets smaller only as far as
    it must for everything to fit (a very long plan goes on to a second page)."""
    font = font if font is not None else unicode_font()
    lines = [("h1", "My safety plan"),
             ("p", "Steps for hard moments, in my own words. I can start at any step."),
             *safety_plan.lines(plan)]
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        sizes = {kind: size * scale for kind, size in PLAN_SIZES.items()}
        pdf = _render(lines, title="My safety plan", notice=PLAN_NOTICE, sizes=sizes, font=font)
        if pdf.page_no() == 1:
            break
    return bytes(pdf.output())
