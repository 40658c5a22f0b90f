"""Sending a report by mail (the monthly complaint report to the manager, a test message):
SMTP over TLS or with STARTTLS, the password from the system's password store."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path

from desk_app.domain.errors import QT_TRANSLATE_NOOP, DeskError
from desk_app.local_settings import MailServer
from desk_app.secrets import mail_password

TIMEOUT_SECONDS = 20


class MailError(DeskError):
    pass


def send(
    server: MailServer,
    to: list[str],
    subject: str,
    body: str,
    attachments: list[Path] = [],  # noqa: B006 - never mutated
    *,
    context: ssl.SSLContext | None = None,
) -> None:
    if not server.configured:
        raise MailError(QT_TRANSLATE_NOOP("DeskError", "The mail server is not set up yet."))
    if not to or not all("@" in address for address in to):
        raise MailError(QT_TRANSLATE_NOOP("DeskError", "Give at least one mail address."))
    password = mail_password(server.user)
    if not password:
        raise MailError(QT_TRANSLATE_NOOP("DeskError", "The mail password is not stored yet."))
    message = EmailMessage()
    message["From"] = server.sender or server.user
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message.set_content(body)
    for path in attachments:
        message.add_attachment(
            Path(path).read_bytes(), maintype="application", subtype="octet-stream", filename=Path(path).name
        )
    context = context or ssl.create_default_context()
    try:
        if server.tls:
            with smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT_SECONDS, context=context) as smtp:
                smtp.login(server.user, password)
                smtp.send_message(message)
        else:
            with smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS) as smtp:
                smtp.starttls(context=context)
                smtp.login(server.user, password)
                smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(
            QT_TRANSLATE_NOOP("DeskError", "The mail could not be sent: {reason}"), reason=str(exc)
        ) from exc
