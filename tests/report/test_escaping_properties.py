"""Laws of the escaping functions, for any text (hypothesis)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from srclint.report.github import escape_data, escape_property
from srclint.report.junit import xml_safe
from srclint.report.markdown import cell


def unescape(text: str) -> str:
    """The runner's side: @actions/toolkit's escapes, decoded."""
    table = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
    return re.sub("%25|%0D|%0A|%3A|%2C", lambda m: table[m.group()], text)


@given(st.text())
def test_data_escape_is_one_line_and_reversible(text: str) -> None:
    escaped = escape_data(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert unescape(escaped) == text


@given(st.text())
def test_property_escape_has_no_separator_and_is_reversible(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & {"\n", "\r", ":", ","}
    assert unescape(escaped) == text


@given(st.text())
def test_markdown_cell_stays_in_its_cell(text: str) -> None:
    escaped = cell(text)
    assert not set(escaped) & {"\n", "\r"}
    assert re.search(r"(?<!\\)\|", escaped.replace("\\\\", "")) is None


@given(st.text())
def test_xml_safe_text_always_parses(text: str) -> None:
    element = ET.Element("t", {"a": xml_safe(text)})
    element.text = xml_safe(text)
    ET.fromstring(ET.tostring(element, encoding="unicode").encode("utf-8"))
