import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tablee.results.tests.factories import ResultsPlanActionFactory


@pytest.fixture
def action(table):
    return ResultsPlanActionFactory(table=table, objective__process__table=table)


@pytest.fixture
def pdf():
    return SimpleUploadedFile("entente.pdf", b"%PDF-1.4 entente", content_type="application/pdf")


@pytest.fixture(autouse=True)
def english():
    """Services answer in the active language: tests read the English source."""
    with translation.override("en"):
        yield
