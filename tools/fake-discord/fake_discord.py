#!/usr/bin/env python3
"""A stand-in Discord for Name That Artist's jar, outside the project and its test suite.

It serves Discord's REST API under /api/v10/ and the gateway WebSocket (zlib-stream, as JDA asks by
default) on one loopback port, with one server and one text channel, then plays a whole game against
the bot: /namethatartist rounds:3, four players clicking each round (so one of them is right), until
Game Over. It enforces Discord's rules on what the bot sends (a callback within 3 s and only one,
follow-ups after it, message and component limits) and exits 0 only if the whole game was played by
the rules. Python 3 standard library only.

    python3 fake_discord.py --port-file /tmp/port [--timeout 180]
"""
import argparse
import asyncio
import base64
import hashlib
import json
import re
import struct
import sys
import time
import zlib

DISCORD_EPOCH_MS = 1420070400000
START = int(time.time() * 1000) - DISCORD_EPOCH_MS


def snowflake(increment, at_ms=None):
    """A snowflake made at a given time (now by default), as JDA reads times from ids."""
    ms = (at_ms if at_ms is not None else int(time.time() * 1000)) - DISCORD_EPOCH_MS
    return str((ms << 22) | (increment & 0xFFF))


def created_ms(snow):
    return (int(snow) >> 22) + DISCORD_EPOCH_MS


APPLICATION_ID = str((START << 22) | 1)
GUILD_ID = str((START << 22) | 2)
CHANNEL_ID = str((START << 22) | 3)
OWNER_ID = str((START << 22) | 4)
ALL_PERMISSIONS = "2251799813685247"
PLAYER_PERMISSIONS = str(1024 | 2048)


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


class Rules:
    """Discord's limits on a message, in code points; returns the first one broken, or None."""

    @staticmethod
    def check(message):
        content = message.get("content") or ""
        if len(content) > 2000:
            return "content over 2000"
        embeds = message.get("embeds") or []
        if len(embeds) > 10:
            return "more than 10 embeds"
        total = 0
        for embed in embeds:
            for key, limit in (("title", 256), ("description", 4096)):
                value = embed.get(key) or ""
                if len(value) > limit:
                    return f"embed {key} over {limit}"
                total += len(value)
            fields = embed.get("fields") or []
            if len(fields) > 25:
                return "more than 25 fields"
            for field in fields:
                if len(field.get("name") or "") > 256 or len(field.get("value") or "") > 1024:
                    return "field over its limit"
                total += len(field.get("name") or "") + len(field.get("value") or "")
            footer = (embed.get("footer") or {}).get("text") or ""
            if len(footer) > 2048:
                return "footer over 2048"
            total += len(footer)
        if total > 6000:
            return "embeds over 6000 in all"
        rows = message.get("components") or []
        if len(rows) > 5:
            return "more than 5 rows"
        seen = set()
        for row in rows:
            buttons = row.get("components") or []
            if row.get("type") != 1 or not 1 <= len(buttons) <= 5:
                return "a row must be an action row of 1 to 5 components"
            for button in buttons:
                if button.get("type") != 2:
                    continue
                if len(button.get("label") or "") > 80:
                    return "label over 80"
                if button.get("style") == 5:
                    continue
                custom = button.get("custom_id") or ""
                if not 1 <= len(custom) <= 100:
                    return "custom_id not 1 to 100"
                if custom in seen:
                    return "custom_id repeated"
                seen.add(custom)
        return None


class Discord:
    def __init__(self, timeout):
        self.port = None
        self.timeout = timeout
        self.sent = []            # (time, method, path) of every REST request
        self.refusals = []        # (method, path, code, why)
        self.interactions = {}    # id -> {"token", "created", "dispatched", "answered", "callback"}
        self.messages = {}        # id -> message as the bot left it
        self.order = []           # message ids in the order posted
        self.gateway = None
        self.counter = 100
        self.ready = asyncio.Event()
        self.commands_registered = asyncio.Event()
        self.changed = asyncio.Event()

    # ---------------------------------------------------------------- entities

    def self_user(self):
        return {"id": APPLICATION_ID, "username": "Name That Artist", "discriminator": "0000",
                "global_name": None, "avatar": None, "bot": True, "mfa_enabled": False, "verified": True,
                "flags": 0, "public_flags": 0}

    def channel(self):
        return {"id": CHANNEL_ID, "type": 0, "guild_id": GUILD_ID, "name": "games", "position": 0,
                "permission_overwrites": [], "nsfw": False, "rate_limit_per_user": 0, "parent_id": None,
                "topic": None, "last_message_id": None, "flags": 0}

    def member(self, user):
        return {"user": user, "roles": [], "joined_at": "2024-01-01T00:00:00.000000+00:00", "nick": None,
                "avatar": None, "flags": 0, "pending": False, "deaf": False, "mute": False,
                "premium_since": None, "communication_disabled_until": None}

    def guild(self):
        everyone = {"id": GUILD_ID, "name": "@everyone", "color": 0,
                    "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
                    "hoist": False, "position": 0, "permissions": ALL_PERMISSIONS, "managed": False,
                    "mentionable": False, "flags": 0}
        guild = {"id": GUILD_ID, "name": "Stand-in server", "icon": None, "splash": None, "banner": None,
                 "description": None, "vanity_url_code": None, "owner_id": OWNER_ID, "afk_timeout": 300,
                 "afk_channel_id": None, "system_channel_id": None, "rules_channel_id": None,
                 "safety_alerts_channel_id": None, "verification_level": 0, "default_message_notifications": 0,
                 "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0, "premium_tier": 0,
                 "premium_subscription_count": 0, "max_members": 500000, "preferred_locale": "en-US",
                 "member_count": 5, "large": False, "unavailable": False,
                 "joined_at": "2024-01-01T00:00:00.000000+00:00", "features": [], "roles": [everyone],
                 "channels": [self.channel()], "members": [self.member(self.self_user())]}
        for empty in ("voice_states", "emojis", "stickers", "threads", "stage_instances",
                      "guild_scheduled_events", "presences"):
            guild[empty] = []
        return guild

    def message(self, message_id, sent, old=None):
        message = dict(old) if old else {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()), "edited_timestamp": None,
            "content": "", "embeds": [], "components": [], "attachments": [], "flags": 0}
        message.update({"id": message_id, "channel_id": CHANNEL_ID, "guild_id": GUILD_ID,
                        "author": self.self_user(), "type": 0, "tts": False, "pinned": False,
                        "mention_everyone": False, "mentions": [], "mention_roles": []})
        if "content" in sent:
            message["content"] = sent.get("content") or ""
        if "embeds" in sent:
            message["embeds"] = [dict(embed, type="rich") for embed in sent.get("embeds") or []]
        if "components" in sent:
            message["components"] = sent.get("components") or []
        return message

    # ---------------------------------------------------------------- interactions

    def next_id(self):
        self.counter += 1
        return snowflake(self.counter)

    async def interaction(self, kind, user_id, data, message=None):
        interaction_id = self.next_id()
        user = {"id": user_id, "username": "player" + user_id[-3:], "discriminator": "0", "global_name": None,
                "avatar": None, "public_flags": 0}
        member = self.member(user)
        member["permissions"] = PLAYER_PERMISSIONS
        channel = self.channel()
        channel["permissions"] = PLAYER_PERMISSIONS
        payload = {"id": interaction_id, "application_id": APPLICATION_ID, "type": kind,
                   "token": "token-" + interaction_id, "version": 1, "guild_id": GUILD_ID,
                   # JDA tells a server's interaction from a DM's by this partial guild.
                   "guild": {"id": GUILD_ID, "locale": "en-US", "features": []},
                   "channel_id": CHANNEL_ID, "channel": channel, "app_permissions": ALL_PERMISSIONS,
                   "locale": "en-US", "guild_locale": "en-US", "context": 0, "entitlements": [],
                   "authorizing_integration_owners": {"0": GUILD_ID}, "member": member, "data": data}
        if message is not None:
            payload["message"] = message
        self.interactions[interaction_id] = {"token": payload["token"], "created": created_ms(interaction_id),
                                             "dispatched": time.time(), "answered": None, "callback": None}
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return interaction_id

    # ---------------------------------------------------------------- REST

    def refuse(self, method, path, status, code, why):
        self.refusals.append((method, path, code, why))
        log(f"REFUSED {method} {path}: {status} {code} {why}")
        return status, {"message": why, "code": code}

    def rest(self, method, path, body):
        route = path.split("?")[0][len("/api/v10/"):]
        self.sent.append((time.time(), method, route))
        if route == "gateway/bot":
            return 200, {"url": f"ws://127.0.0.1:{self.port}/gateway", "shards": 1,
                         "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0,
                                                 "max_concurrency": 1}}
        if route == "users/@me":
            return 200, self.self_user()
        if re.fullmatch(r"applications/\d+(/guilds/\d+)?/commands", route) and method == "PUT":
            commands = json.loads(body or "[]")
            for i, command in enumerate(commands):
                command.update({"id": snowflake(10 + i), "application_id": APPLICATION_ID,
                                "version": snowflake(40 + i), "type": command.get("type", 1)})
                command.setdefault("default_member_permissions", None)
            self.commands_registered.set()
            return 200, commands
        match = re.fullmatch(r"interactions/(\d+)/([^/]+)/callback", route)
        if match:
            return self.callback(method, route, match.group(1), match.group(2), json.loads(body or "{}"))
        match = re.fullmatch(r"webhooks/\d+/([^/]+)(/messages/.+)?", route)
        if match:
            return self.webhook(method, route, match.group(1), json.loads(body) if body else {})
        match = re.fullmatch(r"channels/(\d+)/messages(?:/(\d+))?", route)
        if match:
            return self.channel_message(method, route, match.group(1), match.group(2),
                                        json.loads(body) if body else {})
        return self.refuse(method, route, 404, 0, "unknown route in the stand-in Discord")

    def callback(self, method, route, interaction_id, token, body):
        interaction = self.interactions.get(interaction_id)
        if interaction is None or interaction["token"] != token:
            return self.refuse(method, route, 404, 10062, "Unknown interaction")
        if interaction["answered"] is not None:
            return self.refuse(method, route, 400, 40060, "Interaction has already been acknowledged.")
        now = time.time()
        if now * 1000 - interaction["created"] > 3000:
            return self.refuse(method, route, 404, 10062, "Unknown interaction (after 3 s)")
        if body.get("type") in (4, 7):
            problem = Rules.check(body.get("data") or {})
            if problem:
                return self.refuse(method, route, 400, 50035, "Invalid Form Body: " + problem)
        interaction["answered"] = now
        interaction["callback"] = body
        resource = {"type": body.get("type")}
        if body.get("type") == 4:
            resource["message"] = self.message(self.next_id(), body.get("data") or {})
        return 200, {"interaction": {"id": interaction_id, "type": 2,
                                     "response_message_loading": body.get("type") == 5,
                                     "response_message_ephemeral": bool((body.get("data") or {}).get("flags", 0) & 64)},
                     "resource": resource}

    def webhook(self, method, route, token, body):
        interaction = next((i for i in self.interactions.values() if i["token"] == token), None)
        if interaction is None:
            return self.refuse(method, route, 404, 10015, "Unknown Webhook")
        if interaction["answered"] is None:
            return self.refuse(method, route, 404, 10015, "Unknown Webhook (before the callback)")
        if method == "DELETE":
            return 204, None
        problem = Rules.check(body)
        if problem:
            return self.refuse(method, route, 400, 50035, "Invalid Form Body: " + problem)
        interaction["followed"] = body
        return 200, self.message(self.next_id(), body)

    def channel_message(self, method, route, channel_id, message_id, body):
        if channel_id != CHANNEL_ID:
            return self.refuse(method, route, 404, 10003, "Unknown Channel")
        if message_id is None and method == "POST":
            problem = Rules.check(body)
            if problem:
                return self.refuse(method, route, 400, 50035, "Invalid Form Body: " + problem)
            new_id = self.next_id()
            self.messages[new_id] = self.message(new_id, body)
            self.order.append(new_id)
            self.changed.set()
            return 200, self.messages[new_id]
        if message_id is not None and message_id in self.messages:
            if method == "DELETE":
                del self.messages[message_id]
                return 204, None
            if method == "PATCH":
                problem = Rules.check(body)
                if problem:
                    return self.refuse(method, route, 400, 50035, "Invalid Form Body: " + problem)
                edited = self.message(message_id, body, self.messages[message_id])
                edited["edited_timestamp"] = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
                self.messages[message_id] = edited
                self.changed.set()
                return 200, edited
        return self.refuse(method, route, 404, 10008, "Unknown Message")


class Gateway:
    """One gateway connection: server frames unmasked, zlib-stream when asked for."""

    def __init__(self, discord, reader, writer, compressed):
        self.discord = discord
        self.reader = reader
        self.writer = writer
        self.compressor = zlib.compressobj() if compressed else None
        self.sequence = 0
        self.lock = asyncio.Lock()

    async def send(self, payload):
        data = json.dumps(payload).encode()
        async with self.lock:
            if self.compressor is not None:
                frame_opcode = 2
                data = self.compressor.compress(data) + self.compressor.flush(zlib.Z_SYNC_FLUSH)
            else:
                frame_opcode = 1
            header = bytes([0x80 | frame_opcode])
            if len(data) < 126:
                header += bytes([len(data)])
            elif len(data) < 65536:
                header += bytes([126]) + struct.pack(">H", len(data))
            else:
                header += bytes([127]) + struct.pack(">Q", len(data))
            self.writer.write(header + data)
            await self.writer.drain()

    async def dispatch(self, event, data):
        self.sequence += 1
        await self.send({"op": 0, "t": event, "s": self.sequence, "d": data})

    async def frames(self):
        while True:
            first, second = await self.reader.readexactly(2)
            opcode = first & 0x0F
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", await self.reader.readexactly(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", await self.reader.readexactly(8))[0]
            mask = await self.reader.readexactly(4) if second & 0x80 else b"\0\0\0\0"
            data = bytes(b ^ mask[i % 4] for i, b in enumerate(await self.reader.readexactly(length)))
            if opcode == 8:
                return
            if opcode == 9:
                continue
            if opcode == 1:
                yield json.loads(data)

    async def run(self):
        await self.send({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for payload in self.frames():
            op = payload.get("op")
            if op == 1:
                await self.send({"op": 11})
            elif op == 2:
                log("IDENTIFY: intents", payload["d"].get("intents"))
                self.discord.gateway = self
                ready = {"v": 10, "user": self.discord.self_user(),
                         "guilds": [{"id": GUILD_ID, "unavailable": True}], "private_channels": [],
                         "relationships": [], "session_id": "stand-in-session",
                         "resume_gateway_url": f"ws://127.0.0.1:{self.discord.port}/gateway",
                         "shard": [0, 1], "application": {"id": APPLICATION_ID, "flags": 0}}
                await self.dispatch("READY", ready)
                await self.dispatch("GUILD_CREATE", self.discord.guild())
                self.discord.ready.set()


async def handle(discord, reader, writer):
    try:
        while True:
            request_line = await reader.readline()
            if not request_line:
                return
            method, path, _ = request_line.decode().split(" ", 2)
            headers = {}
            while True:
                line = (await reader.readline()).decode().rstrip("\r\n")
                if not line:
                    break
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
            if path.startswith("/gateway"):
                key = headers["sec-websocket-key"]
                accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode())
                                          .digest()).decode()
                writer.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              f"Sec-WebSocket-Accept: {accept}\r\n\r\n").encode())
                await writer.drain()
                await Gateway(discord, reader, writer, "compress=zlib-stream" in path).run()
                return
            body = b""
            if "content-length" in headers:
                body = await reader.readexactly(int(headers["content-length"]))
            text = body.decode("utf-8", "replace")
            if headers.get("content-type", "").startswith("multipart/form-data"):
                boundary = headers["content-type"].split("boundary=")[1].strip('"')
                text = next((part.split("\r\n\r\n", 1)[1].rsplit("\r\n", 1)[0]
                             for part in text.split("--" + boundary) if 'name="payload_json"' in part), "{}")
            status, answer = discord.rest(method, path, text)
            payload = b"" if answer is None else json.dumps(answer).encode()
            reason = {200: "OK", 204: "No Content", 400: "Bad Request", 404: "Not Found"}.get(status, "Error")
            head = f"HTTP/1.1 {status} {reason}\r\nContent-Length: {len(payload)}\r\n"
            if answer is not None:
                head += "Content-Type: application/json\r\n"
            writer.write((head + "\r\n").encode() + payload)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
        return
    finally:
        writer.close()


def round_of(message):
    """(game, round) of a round message's answer buttons, or None."""
    for row in message.get("components") or []:
        for button in row.get("components") or []:
            match = re.fullmatch(r"nta:answer:([^:]+):(\d+):(\d+)", button.get("custom_id") or "")
            if match:
                return match.group(1), int(match.group(2))
    return None


def all_disabled(message):
    buttons = [b for row in message.get("components") or [] for b in row.get("components") or []]
    return bool(buttons) and all(b.get("disabled") for b in buttons)


async def wait_for(discord, predicate, what, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = predicate()
        if found:
            return found
        discord.changed.clear()
        try:
            await asyncio.wait_for(discord.changed.wait(), timeout=0.2)
        except asyncio.TimeoutError:
            pass
    raise RuntimeError("timed out waiting for " + what)


async def play(discord):
    await asyncio.wait_for(discord.ready.wait(), discord.timeout)
    await asyncio.wait_for(discord.commands_registered.wait(), discord.timeout)
    log("READY sent and commands registered; starting a game")
    players = [snowflake(300 + i) for i in range(4)]
    start = await discord.interaction(2, players[0], {"id": snowflake(50), "name": "namethatartist", "type": 1,
                                                      "options": [{"name": "rounds", "type": 4, "value": 3}]})
    clicks = []
    for number in (1, 2, 3):
        message = await wait_for(discord, lambda: next(
            (discord.messages[i] for i in discord.order if i in discord.messages
             and (round_of(discord.messages[i]) or (None, 0))[1] == number
             and not all_disabled(discord.messages[i])), None), f"round {number}")
        buttons = [b["custom_id"] for row in message["components"] for b in row["components"]]
        log(f"round {number}: message {message['id']}, {len(buttons)} buttons; 4 players click")
        for player, button in zip(players, buttons):
            clicks.append(await discord.interaction(3, player, {"custom_id": button, "component_type": 2},
                                                    message=message))
        await wait_for(discord, lambda: all_disabled(discord.messages.get(message["id"], {})),
                       f"the end of round {number}")
        ended = discord.messages[message["id"]]
        right = [b["label"] for row in ended["components"] for b in row["components"] if b.get("style") == 3]
        log(f"round {number} over: buttons off, right answer {right}")
    over = await wait_for(discord, lambda: next(
        (discord.messages[i] for i in discord.order if i in discord.messages
         and "Game Over" in json.dumps(discord.messages[i], ensure_ascii=False)), None), "Game Over")
    log("Game Over:", json.dumps(over.get("embeds"), ensure_ascii=False)[:300])
    await wait_for(discord, lambda: all(discord.interactions[i]["answered"] for i in [start] + clicks),
                   "every interaction answered", 10)
    late = [i for i in [start] + clicks
            if discord.interactions[i]["answered"] - discord.interactions[i]["dispatched"] > 3]
    acks = sorted((discord.interactions[i]["answered"] - discord.interactions[i]["dispatched"]) * 1000
                  for i in [start] + clicks)
    feedback = [discord.interactions[i].get("followed", {}).get("content", "") for i in clicks]
    await wait_for(discord, lambda: all(discord.interactions[i].get("followed") for i in clicks),
                   "every click's feedback", 10)
    feedback = [discord.interactions[i]["followed"].get("content", "") for i in clicks]
    rights = sum("Right!" in text for text in feedback)
    log(f"{len(clicks)} clicks, {rights} right; acknowledgements {acks[0]:.0f}-{acks[-1]:.0f} ms; "
        f"late: {len(late)}; refused requests: {len(discord.refusals)}")
    round_requests = [s for s in discord.sent if s[2].startswith("channels/")]
    log(f"REST requests the bot sent: {len(discord.sent)}; to the channel: {len(round_requests)}")
    return not late and not discord.refusals and rights >= 3


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--timeout", type=float, default=180)
    args = parser.parse_args()
    discord = Discord(args.timeout)
    server = await asyncio.start_server(lambda r, w: handle(discord, r, w), "127.0.0.1", args.port)
    discord.port = server.sockets[0].getsockname()[1]
    if args.port_file:
        with open(args.port_file, "w") as out:
            out.write(str(discord.port))
    log(f"stand-in Discord on http://127.0.0.1:{discord.port}/api/v10/")
    try:
        ok = await asyncio.wait_for(play(discord), args.timeout)
    except (RuntimeError, asyncio.TimeoutError) as failure:
        log("FAILED:", failure or "timed out")
        ok = False
    for when, method, route in discord.sent:
        print(f"  {time.strftime('%H:%M:%S', time.localtime(when))}.{int(when * 1000) % 1000:03d} {method} {route}")
    log("RESULT:", "a whole game was played by Discord's rules" if ok else "the game was NOT played by the rules")
    server.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
