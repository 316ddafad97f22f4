"""The paper a visit needs besides its booklets: host sheets, attendance sheets, badges…

Every kind of paper is a ``PaperKind`` in one registry (``registry``); a kind is a template
under ``templates/paper/`` and a function that reads what it prints. They are rendered by
the booklets' machinery (``visits.booklets.rendering``: WeasyPrint, the same fonts and the
same fetcher that loads nothing but our static files), cached per programme version.
"""
