"""Recorded bodies, fake fetchers and tiny PDFs for the source adapter tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from srclint.model import Fetched, FetchStatus, Request

HTTP = Path(__file__).resolve().parents[2] / "fixtures" / "http"

_STATUS = {
    200: FetchStatus.OK,
    401: FetchStatus.BLOCKED,
    403: FetchStatus.BLOCKED,
    404: FetchStatus.NOT_FOUND,
    410: FetchStatus.GONE,
    429: FetchStatus.RATE_LIMITED,
    500: FetchStatus.SERVER_ERROR,
}


def body(name: str) -> bytes:
    return (HTTP / name).read_bytes()


def answer(
    url: str,
    content: bytes | str = b"",
    *,
    http_status: int = 200,
    content_type: str = "application/json",
    final_url: str | None = None,
    status: FetchStatus | None = None,
) -> Fetched:
    """A ``Fetched`` as the fetch stage would return it for one HTTP answer."""
    raw = content.encode() if isinstance(content, str) else content
    return Fetched(
        url=url,
        final_url=final_url or url,
        status=status or _STATUS.get(http_status, FetchStatus.SERVER_ERROR),
        http_status=http_status,
        content_type=content_type,
        body=raw,
    )


def failure(url: str, status: FetchStatus) -> Fetched:
    return Fetched(url=url, final_url=url, status=status, error=str(status))


class FakeFetcher:
    """Answers from a dict url → Fetched; records every batch of requests it was given."""

    def __init__(self, answers: Mapping[str, Fetched] | Sequence[Fetched]) -> None:
        if isinstance(answers, Mapping):
            self.answers = dict(answers)
        else:
            self.answers = {f.url: f for f in answers}
        self.rounds: list[list[Request]] = []

    def fetch_all(self, requests: Sequence[Request]) -> dict[str, Fetched]:
        self.rounds.append(list(requests))
        out = {}
        for request in requests:
            if request.url in self.answers:
                out[request.url] = self.answers[request.url]
            else:
                out[request.url] = failure(request.url, FetchStatus.NOT_FOUND)
        return out

    def fetch(self, request: Request) -> Fetched:
        return self.fetch_all([request])[request.url]

    @property
    def urls(self) -> list[str]:
        return [r.url for batch in self.rounds for r in batch]


def make_pdf(pages: Sequence[Sequence[str]], *, title: str = "", author: str = "") -> bytes:
    """A minimal PDF with one text line per string, Helvetica, and a document info dict."""
    objects: list[bytes] = []
    page_ids = []
    font_id = 3
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"")  # pages, filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for lines in pages:
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font_id, content_id)
        )
        page_ids.append(len(objects))
    kids = " ".join(f"{i} 0 R" for i in page_ids).encode()
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    info = f"<< /Title ({title}) /Author ({author}) >>".encode("latin-1")
    objects.append(info)
    info_id = len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info_id,
        xref,
    )
    return bytes(out)


class ReplayFetcher:
    """A plain ``requests`` fetcher, for replaying vcrpy cassettes (never the network)."""

    def __init__(self) -> None:
        import requests

        self.session = requests.Session()
        self.rounds: list[list[Request]] = []

    def fetch_all(self, requests: Sequence[Request]) -> dict[str, Fetched]:
        self.rounds.append(list(requests))
        return {request.url: self.fetch(request) for request in requests}

    def fetch(self, request: Request) -> Fetched:
        response = self.session.request(
            "GET" if request.method == "GET" and not request.need_body else request.method,
            request.url,
            headers=dict(request.headers),
            data=request.body,
            timeout=5,
        )
        return answer(
            request.url,
            response.content,
            http_status=response.status_code,
            content_type=response.headers.get("Content-Type", ""),
            final_url=response.url,
        )
