"""Getting there and staying: journeys, nights, transfers and the staff who work a visit.

selectors.py reads what each reader may see (a participant their own journeys and nights,
a staff member their own assignments, the hotel and transfer company their lists);
paper.py turns the lists into print HTML and XLSX; views.py serves the staff member's
page and the organiser's downloads.
"""
