"""packaging/notices.py: the third-party notice is built from the installed metadata."""

from __future__ import annotations

import importlib.util
from importlib import metadata
from importlib.machinery import EXTENSION_SUFFIXES

import pytest

from tests.packaging.release import ROOT


def load_notices():
    spec = importlib.util.spec_from_file_location("notices", ROOT / "packaging" / "notices.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


notices = load_notices()


def test_it_follows_the_runtime_requirements_and_theirs() -> None:
    names = {d.metadata["Name"].lower().replace("_", "-") for d in notices.required_distributions()}
    direct = {"pyside6-essentials", "peewee", "platformdirs", "phonenumbers", "icalendar"}
    assert direct | {"python-dateutil", "jeepney", "shiboken6"} <= names
    assert not names & {"pytest", "ruff", "pyinstaller", "hypothesis"}


@pytest.mark.parametrize("name", ["peewee", "phonenumbers", "icalendar", "jeepney"])
def test_each_package_comes_with_its_licence_text(name: str) -> None:
    dist = metadata.distribution(name)
    text = notices.distribution_section(dist)
    assert text.splitlines()[1] == f"{dist.metadata['Name']} {dist.version} (Python package)"
    licence_file = next(f for f in dist.files if ".dist-info/" in str(f) and "LICENSE" in str(f))
    assert licence_file.read_text(encoding="utf-8").strip() in text


def test_qt_is_lgpl_with_sources_and_relinking() -> None:
    text = notices.distribution_section(metadata.distribution("PySide6_Essentials"))
    version = metadata.version("PySide6_Essentials")
    assert "Licence: LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only" in text
    assert f"https://download.qt.io/official_releases/qt/{version.rsplit('.', 1)[0]}/" in text
    assert "Relinking:" in text and "libQt6*.so.6" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text


def test_python_itself_is_listed_with_the_psf_licence() -> None:
    text = notices.python_section()
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in text


def test_a_package_without_a_licence_file_stops_the_build(monkeypatch) -> None:
    dist = metadata.distribution("peewee")
    monkeypatch.setattr(notices, "licence_texts", lambda _dist: [])
    with pytest.raises(SystemExit, match=r"peewee .* has no licence file"):
        notices.distribution_section(dist)


def test_a_wheels_extension_module_is_not_taken_for_a_system_library() -> None:
    """cffi's `_cffi_backend` lands beside the libraries; its licence is cffi's section."""
    assert notices.is_python_extension(f"_cffi_backend{EXTENSION_SUFFIXES[0]}")
    assert not notices.is_python_extension("libz.so.1")
    assert not notices.is_python_extension("libssl.so")
