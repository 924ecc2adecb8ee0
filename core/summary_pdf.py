"""The therapist summary as a print-friendly, black-and-white PDF (fpdf2, offline).

A Unicode TrueType font from the system is used when one is found, so every language
and most symbols print; otherwise the built-in Helvetica is used and characters it
cannot show become "?" (the Markdown version always has every character).
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from core.summary import NOTICE, Summary, summary_lines

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/Library/Fonts/Arial Unicode.ttf"),
    Path("C:/Windows/Fonts/arial.ttf"),
)
SIZES = {"h1": 16, "h2": 13, "h3": 11, "p": 10, "user": 10, "small": 8}


def unicode_font() -> Path | None:
    return next((p for p in FONT_CANDIDATES if p.is_file()), None)


def _latin1(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


def to_pdf(summary: Summary, *, font: Path | None = None) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title("Small Steps summary")
    pdf.set_creator("Small Steps")
    font = font if font is not None else unicode_font()
    family = "Helvetica"
    if font is not None:
        pdf.add_font("Body", "", str(font))
        family = "Body"
    clean = (lambda t: t) if font is not None else _latin1
    pdf.add_page()
    for kind, text in summary_lines(summary):
        pdf.set_font(family, size=SIZES[kind])
        if kind in ("h2", "h3"):
            pdf.ln(2)
        indent = 6 if kind == "user" else 0
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.epw - indent, SIZES[kind] * 0.55, clean(text),
                       new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font(family, size=8)
    pdf.ln(4)
    pdf.multi_cell(pdf.epw, 4, clean(NOTICE), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
