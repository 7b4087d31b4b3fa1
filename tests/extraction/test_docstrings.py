"""Every docstring example in the extraction package runs, and says what it shows."""

import datetime
import doctest
import importlib
import pkgutil

import pytest

import timeline.extraction
from timeline.extraction.clean import load_document
from timeline.extraction.pipeline import Pipeline

MODULES = sorted(m.name for m in pkgutil.iter_modules(timeline.extraction.__path__))


@pytest.fixture(scope="module")
def names():
    pipeline = Pipeline()
    return {
        "nlp": pipeline.nlp,
        "datetime": datetime,
        "Pipeline": Pipeline,
        "load_document": load_document,
    }


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_hold(module_name, names, capsys):
    module = importlib.import_module(f"timeline.extraction.{module_name}")
    failed, _attempted = doctest.testmod(
        module,
        extraglobs=dict(names),
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert failed == 0, capsys.readouterr().out


def test_the_package_has_docstring_examples():
    finder = doctest.DocTestFinder()
    examples = sum(
        len(test.examples)
        for name in MODULES
        for test in finder.find(importlib.import_module(f"timeline.extraction.{name}"))
    )
    assert examples >= 15
