"""One process that renders a booklet several times and prints the CPU of each run as JSON.

python -m tests.bench.typeset portal <slug> <languages> <paper> <repeat>
python -m tests.bench.typeset weasyprint <file.html> <repeat>

The first is the portal's whole render (content, template, WeasyPrint through our fetcher);
the second WeasyPrint alone on the HTML the first wrote, with its static files as file:
addresses. A warm-up run first: fonts and imports are a process's cost, not a page's.
"""

import json
import sys
import tempfile
import time


def portal(slug: str, languages: str, paper: str, repeat: int) -> dict:
    import django

    django.setup()
    from pypdf import PdfReader

    from visits.booklets.fetcher import standalone_html
    from visits.booklets.services import booklet_mode_parse, booklet_pdf_with_html
    from visits.models import Visit

    visit = Visit.objects.get(slug=slug)
    mode = booklet_mode_parse(languages=languages, paper=paper)
    booklet_pdf_with_html(visit=visit, mode=mode)
    cpu = []
    for _ in range(repeat):
        start = time.process_time()
        pdf, _version, printed = booklet_pdf_with_html(visit=visit, mode=mode)
        cpu.append(time.process_time() - start)
    with tempfile.NamedTemporaryFile(
        "w", suffix=".html", delete=False, encoding="utf-8", prefix="bench-print-"
    ) as html:
        # The HTML of the last render itself: its footer names the minute it was made.
        html.write(standalone_html(printed))
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as out:
        out.write(pdf)
    return {"cpu_s": cpu, "pages": len(PdfReader(out.name).pages), "html": html.name}


def weasyprint_alone(path: str, repeat: int) -> dict:
    from weasyprint import HTML

    HTML(filename=path).write_pdf()
    cpu = []
    for _ in range(repeat):
        start = time.process_time()
        HTML(filename=path).write_pdf()
        cpu.append(time.process_time() - start)
    return {"cpu_s": cpu}


if __name__ == "__main__":
    if sys.argv[1] == "portal":
        figures = portal(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        figures = weasyprint_alone(sys.argv[2], int(sys.argv[3]))
    print(json.dumps(figures))
