"""``srclint check`` end to end on recorded sources: every stage together, no network."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from srclint.cli import main

REPO = Path(__file__).resolve().parents[1]
CASSETTES = REPO / "fixtures" / "http" / "cassettes"
GOLDEN = REPO / "fixtures" / "golden" / "examples" / "essay.txt"


def test_example_essay_report_matches_the_golden_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's main command: every kind of finding, from the committed recording."""
    monkeypatch.chdir(REPO)
    code = main(["check", "examples/", "--replay", "examples/essay.sources.yaml",
                 "--no-cache", "--no-color"])
    out = capsys.readouterr().out
    if os.environ.get("SRCLINT_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")
    assert code == 1


def test_example_essay_json(monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)
    main(["check", "examples/essay.md", "--replay", "examples/essay.sources.yaml",
          "--no-cache", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    findings = {(f["line"], f["code"]): f for f in data["files"][0]["findings"]}
    altered = findings[(34, "Q002")]
    assert altered["message"] == ('quote differs from source: dropped "not" (negation); '
                                  '"but" → "and"')
    assert altered["evidence"]["closest"].startswith("The remedy is not more care")
    assert {"tag": "delete", "quote": "", "source": "not"} in altered["evidence"]["diff"]
    assert findings[(46, "Q002")]["evidence"]["diff"][-1]["tag"] == "replace"
    dead = findings[(80, "L001")]
    assert dead["evidence"]["suggestion"].startswith("https://web.archive.org/web/2021")
    assert findings[(80, "L001")]["url"] == "https://example.com/blog/2019/quoting"
    assert data["summary"]["findings"] == {"error": 7, "warning": 2, "info": 3}


def test_archived_copies_can_be_switched_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "srclint.toml"
    config.write_text("suggest-archive = false\n", encoding="utf-8")
    monkeypatch.chdir(REPO)
    main(["check", "examples/essay.md", "--replay", "examples/essay.sources.yaml",
          "--no-cache", "--format", "json", "--config", str(config)])
    data = json.loads(capsys.readouterr().out)
    (dead,) = [f for f in data["files"][0]["findings"] if f["line"] == 80]
    assert dead["message"] == "dead link: HTTP 404"
    assert "suggestion" not in dead["evidence"]


# (draft, cassette, expected (line, code) findings) — one per kind of source.
CASES = [
    # A tweet: fxtwitter fails, syndication answers; the author comes from the response.
    ("Samuel Susla [tweeted](https://twitter.com/anyone/status/1641086480675225601):\n\n"
     "> If you are interested about View Flattening in React Native, I wrote a short post\n",
     "tweet.yaml", []),
    ("Dan Abramov [tweeted](https://twitter.com/anyone/status/1641086480675225601):\n\n"
     "> If you are interested about View Flattening in React Native, I wrote a long post\n",
     "tweet.yaml", [(1, "A002"), (3, "Q002")]),
    # A long post: the quote is past the 280-character preview.
    ("https://x.com/quotecheck/status/1744066823962947905\n\n"
     "> always read the whole post before you say a quotation is not in it.\n",
     "long_post.yaml", []),
    ("https://x.com/quotecheck/status/1744066823962947905\n\n"
     "> always read the whole post before you say a quotation is in it.\n",
     "long_post.yaml", [(3, "Q002")]),
    # A deleted tweet is a dead link.
    ("[gone](https://twitter.com/jack/status/20)\n", "deleted_tweet.yaml", [(1, "L001")]),
    # A LessWrong post by id, whatever the slug; a comment's author is the commenter.
    ("https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/an-old-slug\n\n"
     "> A post is found by its id, never by its slug.\n", "lesswrong_post.yaml", []),
    ("https://www.lesswrong.com/posts/Xk2vB7pQm9cRt4LsZ/an-old-slug\n\n"
     "> A post is found by its slug, never by its id.\n", "lesswrong_post.yaml", [(3, "Q002")]),
    # An arXiv paper: the abstract, then the full text when the quote is not in it.
    ("https://arxiv.org/abs/2206.06921\n\n"
     "> the Assouad spectrum can be non-monotonic on every open set\n", "arxiv_paper.yaml", []),
    # Not in the abstract, in the full text: matched against the full text, not the
    # abstract it replaced (once a false Q001).
    ("https://arxiv.org/abs/2206.06921\n\n> The Assouad spectrum interpolates between the "
     "upper box dimension and the Assouad dimension of a set.\n", "arxiv_paper.yaml", []),
    ("https://arxiv.org/abs/2206.06921\n\n> The Assouad spectrum interpolates between the "
     "lower box dimension and the Assouad dimension of a set.\n", "arxiv_paper.yaml",
     [(3, "Q002")]),
    ("[*Attainable forms of Assouad spectra*](https://arxiv.org/abs/2206.06921)\n",
     "arxiv_paper.yaml", []),
    ("[*Attainable forms of Hausdorff spectra*](https://arxiv.org/abs/2206.06921)\n",
     "arxiv_paper.yaml", [(1, "A003")]),
    # An ordinary page: title and author from its metadata.
    ("Jane Doe [writes](https://example.com/2024/careful-quoter): \"She said the words "
     "exactly, and wrote them down.\"\n", "page.yaml", []),
    ("Someone Else [writes](https://example.com/2024/careful-quoter): \"She said the words "
     "exactly, and wrote them down.\"\n", "page.yaml", [(1, "A002")]),
]


@pytest.mark.parametrize(("draft", "cassette", "expected"), CASES)
def test_sources_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str], draft: str,
                            cassette: str, expected: list[tuple[int, str]]) -> None:
    path = tmp_path / "essay.md"
    path.write_text(draft, encoding="utf-8")
    main(["check", str(path), "--replay", str(CASSETTES / cassette), "--no-cache",
          "--format", "json", "--ignore", "Q005"])
    data = json.loads(capsys.readouterr().out)
    found = [(f["line"], f["code"]) for f in data["files"][0]["findings"]]
    assert found == expected, data["files"][0]["findings"]
