#!/usr/bin/python3
"""Test SMTP server for Liasse's mail tests and benchmark (loopback only).

Built on Debian's python3-aiosmtpd. Listens on 127.0.0.1, on a free port
chosen by the kernel, and prints "PORT <n>" on stdout once ready. Every
accepted message is stored as DIR/<n>.eml (written then renamed, so a file
that exists is complete); with --parse, DIR/<n>.json holds what Python's own
e-mail parser decoded (Message-ID, recipients, subject, sha-256 of each
attachment), an independent check of Liasse's MIME.

Faults, for the tests:
  --greet-421          answer every connection with 421 and close it
  recipient "x+452@…"  452 to RCPT (temporary)
  recipient "x+550@…"  550 to RCPT (permanent)
  recipient "x+drop@…" close the connection in the middle of DATA
  recipient "x+slow@…" answer RCPT only after --slow-seconds
  --tls-cert/--tls-key offer STARTTLS; --auth USER:PASSWORD requires AUTH
  --tls-max-version V  offer only TLS up to V ("1.1": TLS 1.0 and 1.1)
  --long-greeting N    greet with a line of N bytes (a server that floods)
"""
import argparse
import asyncio
import hashlib
import itertools
import json
import os
import ssl
import sys
import email
import email.policy

from aiosmtpd.smtp import SMTP, AuthResult


class Store:
    def __init__(self, directory, parse):
        self.directory = directory
        self.parse = parse
        self.counter = itertools.count(1)

    def save(self, envelope):
        n = next(self.counter)
        base = os.path.join(self.directory, f"{n:07d}")
        data = envelope.original_content
        if self.parse:
            msg = email.message_from_bytes(data, policy=email.policy.default)
            attachments = []
            for part in msg.iter_attachments():
                payload = part.get_content()
                if isinstance(payload, str):
                    payload = payload.encode("utf-8")
                attachments.append({
                    "filename": part.get_filename(),
                    "content_type": part.get_content_type(),
                    "size": len(payload),
                    "sha256": hashlib.sha256(payload).hexdigest(),
                })
            body = msg.get_body(preferencelist=("plain",))
            html = msg.get_body(preferencelist=("html",))
            info = {
                "message_id": str(msg["Message-ID"]),
                "mail_from": envelope.mail_from,
                "rcpt": envelope.rcpt_tos,
                "subject": str(msg["Subject"]),
                "from": str(msg["From"]),
                "reply_to": str(msg["Reply-To"]),
                "text": body.get_content() if body is not None else None,
                "html": html.get_content() if html is not None else None,
                "attachments": attachments,
            }
            with open(base + ".json.tmp", "w", encoding="utf-8") as f:
                json.dump(info, f, ensure_ascii=False)
            os.rename(base + ".json.tmp", base + ".json")
        with open(base + ".eml.tmp", "wb") as f:
            f.write(data)
        os.rename(base + ".eml.tmp", base + ".eml")


class Handler:
    def __init__(self, store, args):
        self.store = store
        self.args = args

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.args.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "+452@" in address:
            return "452 4.3.1 Insufficient system storage"
        if "+550@" in address:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        if "+slow@" in address:
            await asyncio.sleep(self.args.slow_seconds)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.store.save(envelope)
        return "250 2.0.0 Ok: queued"


class FaultySMTP(SMTP):
    """aiosmtpd's server plus the faults the tests inject."""

    def __init__(self, handler, args, **kwargs):
        super().__init__(handler, **kwargs)
        self.args = args

    async def _handle_client(self):
        if self.args.greet_421:
            await self.push("421 4.3.2 Service not available, closing channel")
            self.transport.close()
            return
        if self.args.long_greeting:
            chunk = b"x" * 65536
            self.transport.write(b"220-")
            for _ in range(self.args.long_greeting // len(chunk)):
                if self.transport.is_closing():
                    return
                self.transport.write(chunk)
                await self._writer.drain()
            self.transport.write(b"\r\n220 localhost\r\n")
            await self._writer.drain()
        await super()._handle_client()

    async def smtp_DATA(self, arg):
        if any("+drop@" in r for r in self.envelope.rcpt_tos):
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            for _ in range(3):
                await self._reader.readuntil(b"\r\n")
            self.transport.abort()
            return
        if not self.args.fast_data or not self.envelope.rcpt_tos or arg:
            return await super().smtp_DATA(arg)
        # Bulk read up to the terminating dot (the benchmark's server must not
        # be slower than the client): same result as aiosmtpd's line loop.
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        self._reader._limit = 1 << 30
        raw = await self._reader.readuntil(b"\r\n.\r\n")
        self._reader._limit = self.line_length_limit
        body = raw[:-3]
        if body.startswith(b"."):
            body = body[1:]
        body = body.replace(b"\r\n..", b"\r\n.")
        self.envelope.original_content = body
        self.envelope.content = body
        status = await self._call_handler_hook("DATA")
        self._set_post_data_state()
        await self.push(status)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--parse", action="store_true")
    p.add_argument("--pipelining", action="store_true")
    p.add_argument("--fast-data", action="store_true")
    p.add_argument("--greet-421", action="store_true")
    p.add_argument("--slow-seconds", type=float, default=5.0)
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--require-starttls", action="store_true")
    p.add_argument("--auth", help="USER:PASSWORD; AUTH required (after STARTTLS)")
    p.add_argument("--size-limit", type=int, default=33554432)
    p.add_argument("--tls-max-version", choices=["1.1"])
    p.add_argument("--long-greeting", type=int, default=0)
    args = p.parse_args()

    store = Store(args.dir, args.parse)
    handler = Handler(store, args)
    tls = None
    if args.tls_cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.tls_cert, args.tls_key)
        if args.tls_max_version == "1.1":
            # OpenSSL 3 allows TLS below 1.2 only at security level 0.
            tls.set_ciphers("DEFAULT:@SECLEVEL=0")
            tls.minimum_version = ssl.TLSVersion.TLSv1
            tls.maximum_version = ssl.TLSVersion.TLSv1_1
    kwargs = dict(data_size_limit=args.size_limit, hostname="localhost",
                  tls_context=tls, require_starttls=args.require_starttls)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (auth_data.login == user.encode() and auth_data.password == password.encode())
            return AuthResult(success=ok, handled=False)
        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=tls is not None)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        lambda: FaultySMTP(handler, args, loop=loop, **kwargs), host="127.0.0.1", port=0))
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    try:
        loop.run_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
