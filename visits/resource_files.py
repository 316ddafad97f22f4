"""Which files an organiser may attach to a visit, and how every stored file is served.

A resource is background reading: a PDF, an office document or a picture. Anything a
browser would run (HTML, SVG, JavaScript) is refused at the upload, by its content and
not only its name, and every stored file, whatever passed or predates the check, is sent
as a download that the browser may neither sniff nor run.
"""

import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

PDF = b"%PDF-"
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .xls and .ppt
ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class DocumentType:
    content_type: str
    container: str  # how the content is recognised: see _content_matches


DOCUMENT_TYPES = {
    "pdf": DocumentType("application/pdf", "pdf"),
    "doc": DocumentType("application/msword", "ole2"),
    "xls": DocumentType("application/vnd.ms-excel", "ole2"),
    "ppt": DocumentType("application/vnd.ms-powerpoint", "ole2"),
    "docx": DocumentType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "ooxml:word/"
    ),
    "xlsx": DocumentType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ooxml:xl/"
    ),
    "pptx": DocumentType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", "ooxml:ppt/"
    ),
    "odt": DocumentType("application/vnd.oasis.opendocument.text", "odf"),
    "ods": DocumentType("application/vnd.oasis.opendocument.spreadsheet", "odf"),
    "odp": DocumentType("application/vnd.oasis.opendocument.presentation", "odf"),
    "png": DocumentType("image/png", "png"),
    "jpg": DocumentType("image/jpeg", "jpeg"),
    "jpeg": DocumentType("image/jpeg", "jpeg"),
    "gif": DocumentType("image/gif", "gif"),
    "webp": DocumentType("image/webp", "webp"),
}

# Served with every uploaded file: nothing in it may load, run or be shown as a page.
FILE_CSP = "default-src 'none'; sandbox"


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _content_matches(document: DocumentType, extension: str, upload: File) -> bool:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    container = document.container
    if container == "pdf":
        return head.startswith(PDF)
    if container == "ole2":
        return head.startswith(OLE2)
    if container == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if container == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if container == "gif":
        return head[:6] in {b"GIF87a", b"GIF89a"}
    if container == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if not head.startswith(ZIP):
        return False
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if container == "odf":
                expected = DOCUMENT_TYPES[extension].content_type.encode()
                return "mimetype" in names and archive.read("mimetype").strip() == expected
            folder = container.split(":", 1)[1]
            return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return False
    finally:
        upload.seek(0)


def accepted_extensions() -> str:
    return ", ".join(f".{extension}" for extension in DOCUMENT_TYPES)


def validate_resource_file(upload: File) -> None:
    """Refuse a file that is too large, of a type not on the list, or not what it says."""
    limit_mb = settings.RESOURCE_MAX_UPLOAD_MB
    if upload.size is not None and upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("This file is larger than %(limit)s MB; attach a smaller file or give a link."),
            code="too_large",
            params={"limit": limit_mb},
        )
    extension = extension_of(upload.name or "")
    document = DOCUMENT_TYPES.get(extension)
    if document is None:
        raise ValidationError(
            _("Files of this type cannot be attached. Accepted: %(extensions)s."),
            code="type",
            params={"extensions": accepted_extensions()},
        )
    if not _content_matches(document, extension, upload):
        raise ValidationError(
            _("This file is not a real .%(extension)s document; save it again as one."),
            code="content",
            params={"extension": extension},
        )


def download_name(stored_name: str) -> str:
    """The stored file's own name, without folders, quotes or control characters."""
    name = stored_name.rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r'["\\;]', "_", name).strip(" .")
    return name or "resource"


def file_download(stored: File) -> FileResponse:
    """A stored resource file, always as a download the browser may neither sniff nor run.

    The upload check is not trusted here: a file stored before it, or by another way in,
    is served just as safely, as an opaque download if its type is not on the list.
    """
    name = download_name(stored.name)
    document = DOCUMENT_TYPES.get(extension_of(name))
    content_type = document.content_type if document else "application/octet-stream"
    response = FileResponse(
        stored.open("rb"), filename=name, as_attachment=True, content_type=content_type
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = FILE_CSP
    return response
