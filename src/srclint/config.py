"""Configuration: ``.srclint.toml`` > ``srclint.toml`` > ``[tool.srclint]`` in ``pyproject.toml``.

Searched upward from each checked file; the closest file wins, and CLI flags override
it. Every key is validated here, in one place: an unknown key or a bad value raises
``ConfigError`` naming the file, the line and the key.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from srclint.fetch.settings import HostLimit
from srclint.model import Level

CONFIG_FILES = (".srclint.toml", "srclint.toml", "pyproject.toml")
OFF = "off"


class ConfigError(Exception):
    """A bad configuration, as one line: ``file:line: key: what is wrong``."""


@dataclass(frozen=True)
class Config:
    """The settings that apply to a file. Codes are rule codes (names are resolved)."""

    path: Path | None = None  # the file it was read from, if any
    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    levels: Mapping[str, Level | None] = field(default_factory=dict)  # None: "off"
    per_file_ignores: Mapping[str, frozenset[str]] = field(default_factory=dict)
    min_quote_words: int = 5
    exclude: tuple[str, ...] = ()
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    allow_private: bool = False
    allow_networks: tuple[str, ...] = ()
    suggest_archive: bool = True
    timeout: float | None = None
    jobs: int | None = None
    cache_dir: Path | None = None
    hosts: Mapping[str, HostLimit] = field(default_factory=dict)

    def enabled(self, code: str, path: str = "") -> bool:
        """Whether rule ``code`` runs for the file at ``path``."""
        if self.select is not None and code not in self.select:
            return False
        if code in self.ignore or (code in self.levels and self.levels[code] is None):
            return False
        return not any(
            code in codes and _glob_match(path, pattern)
            for pattern, codes in self.per_file_ignores.items()
        )

    def level(self, code: str, default: Level) -> Level:
        return self.levels.get(code) or default

    def excluded(self, path: Path) -> bool:
        base = self.path.parent if self.path else Path.cwd()
        try:
            rel = path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        return any(_glob_match(rel, pattern) for pattern in self.exclude)


def _glob_match(path: str, pattern: str) -> bool:
    path = path.replace("\\", "/")
    return fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern)


def _line_of(text: str, key: str) -> int:
    """The line where ``key`` is set in a TOML text (1 when it cannot be found)."""
    pattern = re.compile(rf'^\s*["\']?{re.escape(key)}["\']?\s*=|^\s*\[.*\b{re.escape(key)}\b')
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.search(line):
            return number
    return 1


def _codes(value: Any, where: Callable[[str], str], key: str) -> frozenset[str]:
    from srclint.rules import resolve_codes

    if isinstance(value, str):
        value = [v for v in re.split(r"[,\s]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where(key)}: {key}: expected a list of rule codes or names")
    try:
        return frozenset(resolve_codes(value))
    except KeyError as unknown:
        raise ConfigError(
            f"{where(key)}: {key}: unknown rule {unknown.args[0]!r} (see `srclint rules`)"
        ) from None


def _expect(value: Any, kind: type | tuple[type, ...], where: str, key: str, what: str) -> Any:
    if isinstance(value, bool) and kind is not bool:
        raise ConfigError(f"{where}: {key}: expected {what}, got {value!r}")
    if not isinstance(value, kind):
        raise ConfigError(f"{where}: {key}: expected {what}, got {value!r}")
    return value


def _levels(value: Any, where: Callable[[str], str]) -> dict[str, Level | None]:
    from srclint.rules import lookup

    _expect(value, dict, where("rules"), "rules", "a table of rule = level")
    levels: dict[str, Level | None] = {}
    for name, level in value.items():
        rule = lookup(name)
        if rule is None:
            raise ConfigError(f"{where(name)}: rules.{name}: unknown rule (see `srclint rules`)")
        if level == OFF:
            levels[rule.CODE] = None
        elif level in {str(lv) for lv in Level}:
            levels[rule.CODE] = Level(level)
        else:
            raise ConfigError(
                f"{where(name)}: rules.{name}: level must be error, warning, info or off, "
                f"got {level!r}"
            )
    return levels


def _hosts(value: Any, where: Callable[[str], str]) -> dict[str, HostLimit]:
    _expect(value, dict, where("hosts"), "hosts", "a table of host tables")
    hosts: dict[str, HostLimit] = {}
    for host, table in value.items():
        _expect(table, dict, where(host), f"hosts.{host}", "a table")
        unknown = set(table) - {"in-flight", "interval"}
        if unknown:
            key = sorted(unknown)[0]
            raise ConfigError(
                f"{where(key)}: hosts.{host}.{key}: unknown key (known: in-flight, interval)"
            )
        in_flight = _expect(table.get("in-flight", 4), int, where(host), "in-flight", "an integer")
        interval = _expect(
            table.get("interval", 0.0), (int, float), where(host), "interval", "seconds"
        )
        if in_flight < 1 or interval < 0:
            raise ConfigError(f"{where(host)}: hosts.{host}: in-flight ≥ 1 and interval ≥ 0")
        hosts[host.lower()] = HostLimit(in_flight=in_flight, interval=float(interval))
    return hosts


def _aliases(value: Any, where: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    _expect(value, dict, where("aliases"), "aliases", "a table of name = [other names]")
    aliases: dict[str, tuple[str, ...]] = {}
    for name, others in value.items():
        if isinstance(others, str):
            others = [others]
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            raise ConfigError(f"{where(name)}: aliases.{name}: expected a list of names")
        aliases[name] = tuple(others)
    return aliases


def _networks(value: Any, where: str) -> tuple[str, ...]:
    import ipaddress

    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: allow-networks: expected a list like [\"10.20.0.0/16\"]")
    for network in value:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ConfigError(
                f"{where}: allow-networks: {network!r} is not a network like 10.20.0.0/16"
            ) from None
    return tuple(value)


def parse_table(table: Mapping[str, Any], path: Path, text: str = "") -> Config:
    """A ``Config`` from a TOML table read from ``path`` (``text`` gives line numbers)."""

    def where(key: str) -> str:
        return f"{path}:{_line_of(text, key)}" if text else str(path)

    known = {
        "select", "ignore", "rules", "per-file-ignores", "min-quote-words", "exclude",
        "aliases", "allow-private", "allow-networks", "suggest-archive", "timeout", "jobs",
        "cache-dir", "hosts",
    }
    for key in table:
        if key not in known:
            raise ConfigError(
                f"{where(key)}: unknown key {key!r} (known: {', '.join(sorted(known))})"
            )
    config = Config(path=path)
    changes: dict[str, Any] = {}
    if "select" in table:
        changes["select"] = _codes(table["select"], where, "select")
    if "ignore" in table:
        changes["ignore"] = _codes(table["ignore"], where, "ignore")
    if "rules" in table:
        changes["levels"] = _levels(table["rules"], where)
    if "per-file-ignores" in table:
        pfi = _expect(table["per-file-ignores"], dict, where("per-file-ignores"),
                      "per-file-ignores", "a table of glob = [codes]")
        changes["per_file_ignores"] = {
            glob: _codes(codes, where, f"per-file-ignores.{glob}") for glob, codes in pfi.items()
        }
    if "min-quote-words" in table:
        words = _expect(table["min-quote-words"], int, where("min-quote-words"),
                        "min-quote-words", "a whole number")
        if words < 1:
            raise ConfigError(f"{where('min-quote-words')}: min-quote-words: must be at least 1")
        changes["min_quote_words"] = words
    if "exclude" in table:
        exclude = table["exclude"]
        if isinstance(exclude, str):
            exclude = [exclude]
        if not isinstance(exclude, list) or not all(isinstance(g, str) for g in exclude):
            raise ConfigError(f"{where('exclude')}: exclude: expected a list of glob patterns")
        changes["exclude"] = tuple(exclude)
    if "aliases" in table:
        changes["aliases"] = _aliases(table["aliases"], where)
    if "allow-private" in table:
        changes["allow_private"] = _expect(
            table["allow-private"], bool, where("allow-private"), "allow-private", "true or false"
        )
    if "allow-networks" in table:
        changes["allow_networks"] = _networks(table["allow-networks"], where("allow-networks"))
    if "suggest-archive" in table:
        changes["suggest_archive"] = _expect(
            table["suggest-archive"], bool, where("suggest-archive"), "suggest-archive",
            "true or false",
        )
    if "timeout" in table:
        timeout = _expect(table["timeout"], (int, float), where("timeout"), "timeout", "seconds")
        if timeout <= 0:
            raise ConfigError(f"{where('timeout')}: timeout: must be more than 0 seconds")
        changes["timeout"] = float(timeout)
    if "jobs" in table:
        jobs = _expect(table["jobs"], int, where("jobs"), "jobs", "a whole number")
        if jobs < 1:
            raise ConfigError(f"{where('jobs')}: jobs: must be at least 1")
        changes["jobs"] = jobs
    if "cache-dir" in table:
        cache_dir = _expect(table["cache-dir"], str, where("cache-dir"), "cache-dir", "a path")
        changes["cache_dir"] = (path.parent / cache_dir).resolve()
    if "hosts" in table:
        changes["hosts"] = _hosts(table["hosts"], where)
    return replace(config, **changes)


def load(path: Path) -> Config:
    """Read one config file. A ``pyproject.toml`` without ``[tool.srclint]`` gives defaults."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("srclint", {})
    return parse_table(data, path, text)


@lru_cache(maxsize=256)
def find_config_file(directory: Path) -> Path | None:
    """The closest config file at or above ``directory``."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and "[tool.srclint" not in candidate.read_text(
                    encoding="utf-8", errors="replace"
                ):
                    continue
                return candidate
    return None


@lru_cache(maxsize=64)
def _load_cached(path: Path) -> Config:
    return load(path)


def config_for(path: Path) -> Config:
    """The config that applies to the file or folder at ``path``."""
    start = path.resolve()
    found = find_config_file(start if start.is_dir() else start.parent)
    return _load_cached(found) if found else Config()
