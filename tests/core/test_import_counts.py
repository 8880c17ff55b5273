"""Every count of an import (created, merged, up to date, combined, possible duplicates, failed,
warnings, values kept aside) is in its report and in Import history."""

from __future__ import annotations

from netdesk.formats.draft import ContactDraft, MethodDraft


def test_every_count_is_in_the_report_and_the_history(services) -> None:
    services.contacts.create(
        ContactDraft(
            display_name="Ann Lee",
            notes="Met at PyCon",
            methods=[MethodDraft("email", "ann@x.test")],
        )
    )
    services.contacts.create(ContactDraft(display_name="Bob Ray", organisation="Acme"))
    cards = "".join(
        f"BEGIN:VCARD\n{body}\nEND:VCARD\n"
        for body in (
            "FN:Ann Lee\nEMAIL:ann@x.test\nNOTE:Loves climbing",
            "FN:Cyd Fox\nEMAIL:cyd@x.test",
            "FN:Cyd Fox\nEMAIL:cyd@x.test\nTEL:+44 20 7946 0009",
            "FN:Bob Ray\nORG:Acme\nEMAIL:bob2@x.test",
            "FN:Dee Ode\nPHOTO;ENCODING=b:@@@",
            "NOTE:nobody",
        )
    )
    report = services.importing.apply(services.importing.plan_data(cards.encode(), "m.vcf"))
    counts = (report.created, report.merged, report.unchanged, report.combined, report.possible)
    assert counts == (3, 0, 1, 1, 1)
    assert (report.failed, report.warnings, len(report.kept_aside())) == (1, 1, 1)
    (batch,) = services.importing.history()
    stored = (batch.created, batch.merged, batch.unchanged, batch.combined, batch.possible)
    assert stored == counts
    assert (batch.failed, batch.warnings, batch.kept_aside) == (1, 1, 1)
