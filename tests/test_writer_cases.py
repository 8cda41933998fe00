"""``srclint check`` on quotations as a writer makes them, against real posts.

The sources are corpus drafts that are the text of LessWrong posts (origins in
``fixtures/writer/README.md``), rendered to HTML and answered as the ForumMagnum GraphQL
API would. Every typographic variant of a correct quotation must pass; every change of
a word, a negation or a number must be reported, with the right change named.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from srclint.cli import main
from srclint.sources import forum

REPO = Path(__file__).resolve().parents[1]
SG = "https://www.lesswrong.com/posts/h2Hk2c2Gp5sY4abQh/lack-of-social-grace-is-an-epistemic-virtue"
SQ = "https://www.lesswrong.com/posts/H7fkGinsv8SDxgiS2/ironing-out-the-squiggles"
AC = "https://www.lesswrong.com/posts/iThwqe3yPog56ytyq/aiming-for-convergence-is-like-discouraging-betting"
SA = "https://www.lesswrong.com/posts/sGEJi9wFT3Gdqg2nM/the-standard-analogy"
CB = "https://www.lesswrong.com/posts/bsKHthyhB7DNBxERQ/critic-contributions-are-logically-irrelevant"
POSTS = {
    SG: REPO / "fixtures/drafts/lack_of_social_grace_is_an_epistemic_virtue.md",
    SQ: REPO / "fixtures/drafts/ironing_out_the_squiggles.md",
    AC: REPO / "fixtures/writer/aiming_for_convergence_summary.md",
    SA: REPO / "fixtures/writer/the_standard_analogy_opening.md",
    CB: REPO / "fixtures/writer/aiming_for_convergence_summary.md",  # only its title is read
}
TITLES = {CB: "Critic Contributions Are Logically Irrelevant"}


def _post(url: str, path: Path) -> dict[str, object]:
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    renderer = MarkdownIt("commonmark", {"typographer": True})
    renderer.enable(["replacements", "smartquotes", "table"]).use(footnote_plugin)
    post_id = url.split("/")[4]
    result = {
        "_id": post_id, "title": TITLES.get(url, title.lstrip("#").strip()),
        "slug": url.split("/")[5], "pageUrl": url, "postedAt": "2024-01-01T00:00:00.000Z",
        "url": None, "coauthors": [],
        "user": {"displayName": "Zack_M_Davis", "username": "Zack_M_Davis",
                 "slug": "zack_m_davis"},
        "contents": {"html": renderer.render(body)},
    }
    request = forum.plan(url)[0]
    return {
        "request": {"body": (request.body or b"").decode(), "method": "POST",
                    "headers": {"Content-Type": ["application/json"]},
                    "uri": request.url.split("#", 1)[0]},
        "response": {"body": {"string": json.dumps({"data": {"post": {"result": result}}})},
                     "headers": {"Content-Type": ["application/json; charset=utf-8"]},
                     "status": {"code": 200, "message": "OK"}},
    }


@pytest.fixture(scope="module")
def cassette(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("writer") / "posts.yaml"
    data = {"interactions": [_post(u, p) for u, p in POSTS.items()], "version": 1}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def check(markdown: str, cassette: Path, tmp_path: Path,
          capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    """The (code, message) of each finding; links outside the recording are left out."""
    draft = tmp_path / "draft.md"
    draft.write_text(markdown, encoding="utf-8")
    main(["check", str(draft), "--replay", str(cassette), "--no-cache", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    return [(f["code"], f["message"]) for f in data["files"][0]["findings"]
            if not (f["code"] == "L002" and f["url"] not in POSTS)]


# (case, draft) — a correct quotation in every way a writer marks one: no finding at all.
PASSES = [
    ("curly-for-straight", f"Davis [writes]({SG}):\n\n> I definitely don’t want to say that "
     "lack of social grace is unambiguously a virtue."),
    ("double-hyphen-dash", f"{SG}\n\n> Politeness is, to a large extent, about concealing or "
     "obfuscating information that someone would prefer not to be revealed -- that's why we "
     "recognize the difference"),
    ("spaced-en-dash", f"{SG}\n\n> we might say that the lack of social grace is an "
     "“epistemic” virtue – even if it’s probably not great for normal humans"),
    ("spaced-dots-ellipsis", f"{SG}\n\n> Idealized honest Bayesian reasoners would not have "
     "social graces . . . humans trying to imitate idealized honest Bayesian reasoners will "
     "tend to bump up against (or smash right through) the bare minimum of social grace."),
    ("four-dots", f"{SG}\n\n> Humans are social animals.... Nevertheless, I will bite the "
     "bullet on a weaker claim."),
    ("ellipsis-unspaced", f"{SG}\n\n> I definitely don't want to say that lack of social grace "
     "is unambiguously a virtue…Humans are social animals"),
    ("leading-trailing-ellipses", f"{SG}\n\n> [...] I was always worried about the physics. If "
     "the idea looked lousy, I said it looked lousy. [...]"),
    ("case-bracket-and-sic", f"{SG}\n\n> [H]umans are social animals, so the set of human "
     "virtues is almost certainly going to involve doing social things gracefully [sic]!"),
    ("emphasis-mine", f"{SG}\n\n> even if it's _probably not great_ for normal humans trying "
     "to live normal human lives. (emphasis mine)"),
    ("bold-emphasis-added", f"{SG}\n\n> Idealized honest Bayesian reasoners would **not** have "
     "social graces [emphasis added]"),
    ("my-emphasis", f"{SG}\n\n> Idealized honest Bayesian reasoners would *not* have social "
     "graces (my emphasis)"),
    ("bold-italic", f"{SG}\n\n> ***Idealized honest Bayesian reasoners would not have social "
     "graces***"),
    ("html-em", f"{SG}\n\n> Even to the big shot guys, Bohr was a <em>great</em> god."),
    ("two-paragraphs", f"{SG}\n\n> I definitely don't want to say that lack of social grace is "
     "unambiguously a virtue. Humans are social animals, so the set of human virtues is "
     "almost certainly going to involve doing social things gracefully!\n>\n> Nevertheless, "
     "I will bite the bullet on a weaker claim."),
    ("ellipsis-over-paragraphs", f"{SG}\n\n> Someone once told me that they thought I acted "
     "like refusing to employ the bare minimum of social grace was a virtue, and that this was "
     "bad. …\n>\n> Nevertheless, I will bite the bullet on a weaker claim."),
    ("hard-wrapped", f"{SG}\n\n> Someone once told me that they thought I acted like refusing "
     "to employ\n> the bare minimum of social grace was a virtue, and that this was bad.\n> "
     "(I'm paraphrasing; they actually used a different word that starts\n> with b.)"),
    ("hard-line-breaks", f"{SG}\n\n> \"Hello—Feynman?\"  \n> \"Yes.\"  \n> \"This is Jim "
     "Baker.\" It's his son."),
    ("dialogue-paragraphs", f"{SG}\n\n> \"Me? I'm Feynman, I'm just a—\"\n>\n> \"That's right. "
     "Is eight o'clock OK?\""),
    ("quote-in-quote-singles", f"{SG}\n\n> I say, ‘No, it’s not going to work. It’s not "
     "efficient … Blah, blah, blah.’"),
    ("bracketed-speaker", f"{SG}\n\n> This went on for about two hours, going back and forth "
     "over lots of ideas, back and forth, arguing. [...]\n>\n> \"Well,\" [Niels Bohr] said "
     "finally, lighting his pipe, \"I guess we can call in the big shots _now_.\""),
    ("nested-blockquote", f"{SG}\n\n> > I was always _dumb_ in that way. I never knew who I "
     "was talking to."),
    ("list-in-quote", f"{AC}\n\n> * In a list of guidelines for rational discourse, Duncan "
     "Sabien proposes that one should \"[a]im for convergence on truth, and behave as if your "
     "interlocutors are also aiming for convergence on truth.\"\n> * However, prediction "
     "markets illustrate fundamental reasons why rational discourse doesn't particularly look "
     "like \"aiming for convergence.\""),
    ("in-nested-list-item", f"* Points:\n  * Davis [writes]({SG}):\n\n    > Nevertheless, I "
     "will bite the bullet on a weaker claim."),
    ("inline-in-list-item", f"* Davis [argues]({AC}) that \"Convergence on the truth, if it "
     "happens, happens as a side-effect of correctly ironing out all existing "
     "mispricings/disagreements\"."),
    ("inline-curly", f"As Davis [put it]({SG}), “Idealized honest Bayesian reasoners would not "
     "have social graces.”"),
    ("inline-curly-singles", f"The post [says]({SG}): ‘I definitely don’t want to say that "
     "lack of social grace is unambiguously a virtue.’"),
    ("inline-wrapped", f"The post [says]({SG}) “Politeness is, to a large extent, about "
     "concealing or\nobfuscating information that someone would prefer not to be revealed.”"),
    ("inline-in-emphasis", f"The [post]({SG}) says _\"Humans are social animals, so the set of "
     "human virtues is almost certainly going to involve doing social things gracefully!\"_"),
    ("inline-nested-quote", f"The post [says]({SG}) that \"that's why we recognize the "
     "difference between one's honest opinion, and what one says when one is 'just being "
     "polite.'\""),
    ("inline-footnote-remark", f"In [the post]({SQ}), we read that \"Deep learning models are "
     "fit using stochastic gradient descent (SGD)\"[^a] and so on.\n\n[^a]: A remark."),
    ("table-row", f"| who | said |\n| --- | --- |\n| [Davis]({SG}) | \"Let me illustrate what I "
     "mean with one fictional and one real-life example.\" |"),
    ("writer-footnote-in-quote", f"{SQ}\n\n> which tells us which direction to adjust the "
     "parameters in order to make the loss go down, to make the approximation better.[^1]"
     "\n\n[^1]: My note."),
    ("source-footnote-mark-kept", f"{SQ}\n\n> which tells us which direction to adjust the "
     "parameters in order to make the loss go down, to make the approximation better.[1]"),
    ("source-footnote-text", f"{SQ}\n\n> That is, as an illustrative example, training on a "
     "dataset of birds-perturbed-to-be-classified-as-bicycles and "
     "bicycles-perturbed-to-be-classified-as-birds results in good performance on natural "
     "images of bicycles and birds."),
    ("writer-link-in-quote", f"{SQ}\n\n> Deep learning models are fit using stochastic gradient "
     "descent (SGD) to [approximate the function between](https://example.com/x) expected "
     "inputs and outputs."),
    ("bracketed-stage-direction", f"{SA}\n\n> To recap for [coughs] no one in particular, when "
     "we left off [pointedly, to the audience] one minute ago"),
    ("insertion-keeps-negation", f"{SG}\n\n> I definitely do[n't] want to say that lack of "
     "social grace is unambiguously a virtue."),
    ("display-name-surname", f"Davis [writes]({SG}) that \"Humans are social animals, so the set "
     "of human virtues is almost certainly going to involve doing social things gracefully!\""),
    ("display-name-full", f"> Let me illustrate what I mean with one fictional and one "
     f"real-life example.\n>\n> — Zack M. Davis, [“Lack of Social Grace Is an Epistemic "
     f"Virtue”]({SG})"),
    ("inline-over-paragraphs", f"Davis [wrote]({SG}): “I definitely don’t want to say that lack "
     "of social grace is unambiguously a virtue.\n\n“Nevertheless, I will bite the bullet on a "
     "weaker claim.”"),
    ("same-line-attribution", f"> Nevertheless, I will bite the bullet on a weaker claim. — Zack "
     f"M. Davis, [Lack of Social Grace]({SG})"),
    ("same-line-source", f"> Nevertheless, I will bite the bullet on a weaker claim. ([source]"
     f"({SG}))"),
    ("quoted-in", f"> We were at a meeting once, the first time he came, and everybody wanted "
     f"to _see_ the great Bohr.\n>\n> —Richard Feynman, quoted in [Lack of Social Grace]({SG})"),
    ("section-link", f"See the final section, [\"A Caveat: Critic Contributions Can Be Relevant "
     f"If You Don't Care About Maximizing Correctness\"]({CB}#A_Caveat__Critic_Contributions_"
     "Can_Be_Relevant_If_You_Don_t_Care_About_Maximizing_Correctness)."),
    ("own-point-then-reply", f"I [saw this too]({AC}). It reminds me of this passage from "
     "_Atlas Shrugged_:\n\n> It was his sudden, angry \"so you don't trust me?\" snapped in "
     "answer to her first, innocent questions that made her realize she did not"),
]


@pytest.mark.parametrize(("case", "markdown"), PASSES, ids=[c for c, _ in PASSES])
def test_a_correct_quotation_passes(case: str, markdown: str, cassette: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    findings = check(markdown, cassette, tmp_path, capsys)
    assert [f for f in findings if f[0] != "Q005"] == [], case


# (case, draft, code, the change the message must name)
FAILS = [
    ("changed-word", f"{SG}\n\n> I definitely don’t want to say that lack of social grace is "
     "unambiguously a vice.", "Q002", '"virtue" → "vice"'),
    ("dropped-not", f"{SG}\n\n> Idealized honest Bayesian reasoners would have social graces—and "
     "therefore, humans trying to imitate idealized honest Bayesian reasoners will tend to bump "
     "up against the bare minimum of social grace.", "Q002", 'dropped "not" (negation)'),
    ("added-not-inline", f"Davis [says]({SG}) that “Humans are social animals, so the set of "
     "human virtues is almost certainly not going to involve doing social things gracefully.”",
     "Q002", 'added "not" (negation)'),
    ("contraction-negation", f"{AC}\n\n> * However, prediction markets illustrate fundamental "
     "reasons why rational discourse does particularly look like \"aiming for convergence.\"",
     "Q002", '"doesn\'t" → "does" (negation)'),
    ("never-always", f"{SG}\n\n> I was always _dumb_ in that way. I always knew who I was "
     "talking to.", "Q002", '"never" → "always" (negation)'),
    ("no-an", f"{SA}\n\n> the opacity of the artifacts it produces has an analogue among "
     "bridge or engine designs", "Q002", "negation"),
    ("changed-number", f"{SQ}\n\n> The typical difference between ImageNet images is about 150.",
     "Q002", '"130" → "150" (number)'),
    ("changed-dimension", f"{SQ}\n\n> For 256×256 images in the RGB colorspace",
     "Q002", '"224×224" → "256×256" (number)'),
    ("number-word", f"{SG}\n\n> This went on for about three hours, going back and forth over "
     "lots of ideas, back and forth, arguing.", "Q002", '"two" → "three" (number)'),
    ("second-paragraph", f"{SG}\n\n> Someone once told me that they thought I acted like "
     "refusing to employ the bare minimum of social grace was a virtue, and that this was bad. "
     "(I'm paraphrasing; they actually used a different word that starts with b.)\n>\n> I "
     "definitely do want to say that lack of social grace is unambiguously a virtue.",
     "Q002", '"don\'t" → "do" (negation)'),
    ("after-ellipsis", f"{SG}\n\n> Politeness is, to a large extent, about concealing or "
     "obfuscating information ... that's why we recognize the similarity between one's honest "
     "opinion", "Q002", '"difference" → "similarity"'),
    ("ellipsis-hides-not", f"{SG}\n\n> Idealized honest Bayesian reasoners would … have social "
     "graces", "Q002", 'dropped "not" (negation)'),
    ("insertion-hides-not", f"{SG}\n\n> Idealized honest Bayesian reasoners [would] have social "
     "graces", "Q002", 'dropped "not" (negation)'),
    ("insertion-hides-dont", f"{SG}\n\n> I definitely [want] to say that lack of social grace is "
     "unambiguously a virtue.", "Q002", 'dropped "don\'t" (negation)'),
    ("insertion-adds-not", f"{SG}\n\n> Humans are social animals, so the set of human virtues is "
     "almost certainly [not] going to involve doing social things gracefully!", "Q002",
     'added "[not]" (negation)'),
    ("word-edit-drops-nt", f"{SG}\n\n> I definitely do[es] want to say that lack of social grace "
     "is unambiguously a virtue.", "Q002", "(negation)"),
    ("swapped-names", f"{SG}\n\n> His name was Jim Baker in those days, and he came to Los "
     "Alamos with Nicholas Baker, his son", "Q002", '"Nicholas" → "Jim"'),
    ("dropped-words", f"{SG}\n\n> Politeness is about concealing or obfuscating information that "
     "someone would prefer not to be revealed.", "Q002", 'dropped "to a large extent,"'),
    ("change-in-emphasis", f"{SG}\n\n> even if it's _certainly_ not great for normal humans "
     "trying to live normal human lives.", "Q002", '"probably" → "certainly"'),
    ("change-in-wrapped-quote", f"{SA}\n\n> Deep learning not only is a science, it isn't even "
     "an engineering\n> discipline in the traditional sense", "Q002",
     '"isn\'t" → "is" (negation)'),
    ("change-in-table", f"| who | said |\n| --- | --- |\n| [Davis]({SG}) | \"Let me illustrate "
     "what I mean with two fictional and one real-life example.\" |", "Q002",
     '"one" → "two" (number)'),
    ("wrong-author", f"Scott Alexander [writes]({SG}):\n\n> Nevertheless, I will bite the bullet "
     "on a weaker claim.", "A002", "Scott Alexander"),
    ("wrong-section-title", f"Read [\"The Wrong Title Entirely\"]({CB}#A_Caveat__Critic_"
     "Contributions_Can_Be_Relevant_If_You_Don_t_Care_About_Maximizing_Correctness).", "A003",
     "The Wrong Title Entirely"),
    ("wrong-link-and-changed", f"See [the grace post]({SG}).\n\nIn [the squiggles post]({SQ}), "
     "Davis writes that \"Idealized honest Bayesian reasoners would have social graces.\"",
     "A001", 'which differs: dropped "not" (negation)'),
    ("wrong-link", f"See [the grace post]({SG}).\n\nIn [the squiggles post]({SQ}), Davis writes "
     "that \"Idealized honest Bayesian reasoners would not have social graces.\"", "A001",
     f"but is in {SG}"),
    ("inline-over-paragraphs-changed", f"Davis [wrote]({SG}): “I definitely don’t want to say "
     "that lack of social grace is unambiguously a vice.\n\n“Nevertheless, I will bite the "
     "bullet on a weaker claim.”", "Q002", '"virtue" → "vice"'),
    ("same-line-attribution-changed", f"> Nevertheless, I will bite the bullet on a stronger "
     f"claim. —[Zack M. Davis]({SG})", "Q002", '"weaker" → "stronger"'),
    ("made-up", f"{SG}\n\n> Social grace is the highest of all the epistemic virtues, and "
     "Bayesians should practice it daily.", "Q001", "not found"),
]


@pytest.mark.parametrize(("case", "markdown", "code", "change"), FAILS,
                         ids=[c for c, *_ in FAILS])
def test_a_changed_quotation_is_reported(case: str, markdown: str, code: str, change: str,
                                         cassette: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    findings = check(markdown, cassette, tmp_path, capsys)
    assert [c for c, _ in findings] == [code], (case, findings)
    assert change in findings[0][1], (case, findings)
