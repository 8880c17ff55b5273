"""Real CardDAV/CalDAV servers for tests and benches: Radicale and Xandikos from PyPI, each a
subprocess on 127.0.0.1 at a free port, with Basic auth from an htpasswd file in a temporary
folder. `start()` waits until the port answers; `stop()` ends the process (the data folder stays,
so `start()` again resumes the same server: a network cut in the middle of a sync).

Xandikos takes Basic auth only over HTTPS (`--htpasswd` needs `--autocert`): its certificate is
made here for 127.0.0.1 before it starts (it keeps a certificate it finds), and `ca_file` names
it for the client.
"""

from __future__ import annotations

import base64
import hashlib
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

USER = "alice"
PASSWORD = "correct horse"
_START_TIMEOUT = 30.0


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class DavServer:
    """One server process: its command, its URL, the user and password it accepts."""

    name: str
    command: list[str]
    url: str
    port: int
    folder: Path
    ca_file: str = ""
    user: str = USER
    password: str = PASSWORD
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> None:
        """Start the process and wait until its port takes connections."""
        log = (self.folder / "server.log").open("ab")
        self.process = subprocess.Popen(self.command, stdout=log, stderr=log, cwd=self.folder)
        log.close()
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} ended at start:\n{self.log()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.name} did not listen within {_START_TIMEOUT} s:\n{self.log()}")

    def stop(self) -> None:
        """End the process (terminate, then kill after 10 s)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def log(self) -> str:
        """What the server wrote so far."""
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""


def radicale(folder: Path) -> DavServer:
    """Radicale over plain HTTP, htpasswd with a plain-text password, owner-only rights."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (folder / "htpasswd").write_text(f"{USER}:{PASSWORD}\n")
    (folder / "config").write_text(
        "[server]\n"
        f"hosts = 127.0.0.1:{port}\n"
        "[auth]\n"
        "type = htpasswd\n"
        f"htpasswd_filename = {folder / 'htpasswd'}\n"
        "htpasswd_encryption = plain\n"
        "[rights]\n"
        "type = owner_only\n"
        "[storage]\n"
        f"filesystem_folder = {folder / 'collections'}\n"
        "[logging]\n"
        "level = warning\n"
    )
    command = [sys.executable, "-m", "radicale", "--config", str(folder / "config")]
    return DavServer("Radicale", command, f"http://127.0.0.1:{port}/", port, folder)


def xandikos(folder: Path) -> DavServer:
    """Xandikos over HTTPS (a certificate for 127.0.0.1 made here), htpasswd with a SHA1
    password, an address book and a calendar made at start."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    digest = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
    (folder / "htpasswd").write_text(f"{USER}:{{SHA}}{digest}\n")
    certs = folder / "state" / "certs"
    _self_signed(certs / "selfsigned.crt", certs / "selfsigned.key")
    command = [
        str(Path(sys.executable).with_name("xandikos")),
        "serve",
        "-d",
        str(folder / "data"),
        "--defaults",
        "-l",
        "127.0.0.1",
        "-p",
        str(port),
        "--autocert",
        "--state-dir",
        str(folder / "state"),
        "--htpasswd",
        str(folder / "htpasswd"),
        "--current-user-principal",
        f"/{USER}/",
        "--no-detect-systemd",
    ]
    url = f"https://127.0.0.1:{port}/"
    return DavServer("Xandikos", command, url, port, folder, ca_file=str(certs / "selfsigned.crt"))


def _self_signed(cert_path: Path, key_path: Path) -> None:
    """A key and a year's self-signed certificate for 127.0.0.1 and localhost."""
    from ipaddress import IPv4Address

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    cert_path.parent.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)  # the real clock: OpenSSL checks the certificate against it
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(IPv4Address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


SERVERS = {"radicale": radicale, "xandikos": xandikos}
