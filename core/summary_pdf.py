"""Print-friendly, black-and-white PDFs (fpdf2, offline): the therapist summary and the
safety plan.

A Unicode TrueType font from the system is used when one is found, so every language
and most symbols print; otherwise the built-in Helvetica is used and characters it
cannot show become "?" (the Markdown version always has every character).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

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
    clean = (lambda t: t) if font is not None else _latin1
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
