"""The mail password goes to the system's password store (here the tests' in-memory one),
never into the settings file or the database; sending uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app import local_settings, mailer, secrets
from desk_app.mailer import MailError
from desk_app.ui.mail_dialog import MailDialog


def test_the_password_is_kept_in_the_password_store_only(qtbot, memory_keyring, services, db_url, tmp_path):
    dialog = MailDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("smtp.example.com")
    dialog.user.setText("desk@example.com")
    dialog.password.setText("s3cret-mail-pass")
    assert dialog.save()
    mail = {k: v for k, v in memory_keyring.passwords.items() if not k[1].startswith("journal-key:")}
    assert mail == {("DutyDesk", "mail:desk@example.com"): "s3cret-mail-pass"}
    assert secrets.mail_password("desk@example.com") == "s3cret-mail-pass"
    assert local_settings.mail_server().host == "smtp.example.com"
    # Nowhere on disk: not in the settings files, not in the database.
    from PySide6.QtCore import QSettings

    settings_file = Path(QSettings().fileName())
    assert settings_file.exists() and b"s3cret" not in settings_file.read_bytes()
    assert b"s3cret" not in Path(db_url.removeprefix("sqlite:///")).read_bytes()
    again = MailDialog()
    qtbot.addWidget(again)
    assert again.password.text() == "" and "stored" in again.password.placeholderText()


def test_sending_logs_in_with_the_stored_password(qtbot, memory_keyring, monkeypatch, tmp_path):
    sent = {}

    class FakeSMTP:
        def __init__(self, host, port, timeout, context):
            sent["server"] = (host, port)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def login(self, user, password):
            sent["login"] = (user, password)

        def send_message(self, message):
            sent["message"] = message

    monkeypatch.setattr(mailer.smtplib, "SMTP_SSL", FakeSMTP)
    server = local_settings.MailServer("smtp.example.com", 465, "desk@example.com", "", True)
    with pytest.raises(MailError, match="not stored"):
        mailer.send(server, ["boss@example.com"], "月报", "见附件")
    secrets.set_mail_password("desk@example.com", "pw-1")
    report = tmp_path / "月报.pdf"
    report.write_bytes(b"%PDF-1.4 test")
    mailer.send(server, ["boss@example.com"], "部门客户投诉工作月报", "见附件", [report])
    assert sent["server"] == ("smtp.example.com", 465)
    assert sent["login"] == ("desk@example.com", "pw-1")
    assert sent["message"]["Subject"] == "部门客户投诉工作月报"
    assert [p.get_filename() for p in sent["message"].iter_attachments()] == ["月报.pdf"]
    with pytest.raises(MailError):
        mailer.send(server, ["not-an-address"], "x", "y")
    secrets.set_mail_password("desk@example.com", "")  # an empty password removes it
    assert secrets.mail_password("desk@example.com") is None
