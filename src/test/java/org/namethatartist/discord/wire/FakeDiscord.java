package org.namethatartist.discord.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small Discord on loopback for the real JDA client: the REST API under {@code /api/v10/} and the gateway
 * WebSocket, both on one {@link MockWebServer}. So far it logs a bot in (gateway/bot, HELLO, IDENTIFY,
 * READY with no guild, heartbeats and their ACKs, zlib-stream as JDA asks by default) and takes the command
 * registration. It records every REST request the bot sent, with the time it arrived.
 */
final class FakeDiscord implements AutoCloseable {

	static final String APPLICATION_ID = snowflake(1);

	static final String GUILD_ID = snowflake(2);

	static final String CHANNEL_ID = snowflake(3);

	private volatile Gateway current;

	private int interactions = 100;

	private final JsonMapper json = JsonMapper.builder().build();

	private final MockWebServer server = new MockWebServer();

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	private final List<JsonNode> gatewayReceived = new CopyOnWriteArrayList<>();

	/** A request the bot sent to the REST API. */
	record Sent(Instant at, String method, String path, String body) {

	}

	FakeDiscord() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return FakeDiscord.this.dispatch(request);
			}
		});
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	/** The value for {@code discord.rest-url}. */
	String restUrl() {
		return "http://127.0.0.1:" + this.server.getPort() + "/api/v10/";
	}

	List<Sent> sent() {
		return List.copyOf(this.sent);
	}

	List<JsonNode> gatewayReceived() {
		return List.copyOf(this.gatewayReceived);
	}

	JsonNode body(Sent request) {
		return this.json.readTree(request.body());
	}

	/** A snowflake made from the current time, as Discord's are (JDA reads times from them). */
	static String snowflake(int increment) {
		long millis = System.currentTimeMillis() - 1420070400000L;
		return Long.toString((millis << 22) | (increment & 0xFFF));
	}

	/** Sends a slash command from a user with the given permissions (a decimal bit set); its interaction id. */
	String slashCommand(String name, String userId, long permissions) {
		String id = snowflake(this.interactions++);
		ObjectNode interaction = this.json.createObjectNode();
		interaction.put("id", id);
		interaction.put("application_id", APPLICATION_ID);
		interaction.put("type", 2);
		interaction.put("token", "token-" + id);
		interaction.put("version", 1);
		interaction.put("guild_id", GUILD_ID);
		// JDA tells a server's interaction from a DM's by this partial guild, not by guild_id.
		ObjectNode guild = interaction.putObject("guild");
		guild.put("id", GUILD_ID);
		guild.put("locale", "en-US");
		guild.set("features", this.json.createArrayNode());
		interaction.put("channel_id", CHANNEL_ID);
		ObjectNode channel = channel();
		channel.put("permissions", Long.toString(permissions));
		interaction.set("channel", channel);
		interaction.put("app_permissions", "2251799813685247");
		interaction.put("locale", "en-US");
		interaction.put("guild_locale", "en-US");
		interaction.put("context", 0);
		interaction.set("entitlements", this.json.createArrayNode());
		interaction.putObject("authorizing_integration_owners").put("0", GUILD_ID);
		ObjectNode data = interaction.putObject("data");
		data.put("id", snowflake(50));
		data.put("name", name);
		data.put("type", 1);
		ObjectNode member = interaction.putObject("member");
		ObjectNode user = member.putObject("user");
		user.put("id", userId);
		user.put("username", "player" + userId.substring(userId.length() - 3));
		user.put("discriminator", "0");
		user.putNull("global_name");
		user.putNull("avatar");
		user.put("public_flags", 0);
		member.set("roles", this.json.createArrayNode());
		member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
		member.putNull("nick");
		member.putNull("avatar");
		member.put("flags", 0);
		member.put("pending", false);
		member.put("deaf", false);
		member.put("mute", false);
		member.put("permissions", Long.toString(permissions));
		member.putNull("premium_since");
		member.putNull("communication_disabled_until");
		this.current.dispatchEvent("INTERACTION_CREATE", interaction);
		return id;
	}

	private ObjectNode channel() {
		ObjectNode channel = this.json.createObjectNode();
		channel.put("id", CHANNEL_ID);
		channel.put("type", 0);
		channel.put("guild_id", GUILD_ID);
		channel.put("name", "games");
		channel.put("position", 0);
		channel.set("permission_overwrites", this.json.createArrayNode());
		channel.put("nsfw", false);
		channel.put("rate_limit_per_user", 0);
		channel.putNull("parent_id");
		channel.putNull("topic");
		channel.putNull("last_message_id");
		channel.put("flags", 0);
		return channel;
	}

	private ObjectNode guild() {
		ObjectNode guild = this.json.createObjectNode();
		guild.put("id", GUILD_ID);
		guild.put("name", "Test server");
		guild.putNull("icon");
		guild.putNull("splash");
		guild.putNull("banner");
		guild.putNull("description");
		guild.putNull("vanity_url_code");
		guild.put("owner_id", snowflake(4));
		guild.put("afk_timeout", 300);
		guild.putNull("afk_channel_id");
		guild.putNull("system_channel_id");
		guild.putNull("rules_channel_id");
		guild.putNull("safety_alerts_channel_id");
		guild.put("verification_level", 0);
		guild.put("default_message_notifications", 0);
		guild.put("explicit_content_filter", 0);
		guild.put("mfa_level", 0);
		guild.put("nsfw_level", 0);
		guild.put("premium_tier", 0);
		guild.put("premium_subscription_count", 0);
		guild.put("max_members", 500000);
		guild.put("preferred_locale", "en-US");
		guild.put("member_count", 7);
		guild.put("large", false);
		guild.put("unavailable", false);
		guild.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
		guild.set("features", this.json.createArrayNode());
		ObjectNode everyone = guild.putArray("roles").addObject();
		everyone.put("id", GUILD_ID);
		everyone.put("name", "@everyone");
		everyone.put("color", 0);
		ObjectNode colors = everyone.putObject("colors");
		colors.put("primary_color", 0);
		colors.putNull("secondary_color");
		colors.putNull("tertiary_color");
		everyone.put("hoist", false);
		everyone.put("position", 0);
		everyone.put("permissions", "2251799813685247");
		everyone.put("managed", false);
		everyone.put("mentionable", false);
		everyone.put("flags", 0);
		guild.putArray("channels").add(channel());
		ObjectNode self = guild.putArray("members").addObject();
		self.set("user", selfUser());
		self.set("roles", this.json.createArrayNode());
		self.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
		self.putNull("nick");
		self.putNull("avatar");
		self.put("flags", 0);
		self.put("pending", false);
		self.put("deaf", false);
		self.put("mute", false);
		self.putNull("premium_since");
		self.putNull("communication_disabled_until");
		for (String empty : List.of("voice_states", "emojis", "stickers", "threads", "stage_instances",
				"guild_scheduled_events", "presences")) {
			guild.set(empty, this.json.createArrayNode());
		}
		return guild;
	}

	private MockResponse dispatch(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		if (path.startsWith("/gateway")) {
			return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
		}
		ByteString body = request.getBody();
		this.sent.add(new Sent(Instant.now(), request.getMethod(), path, (body != null) ? body.utf8() : ""));
		String route = path.substring("/api/v10/".length());
		if (route.equals("gateway/bot")) {
			return ok("{\"url\":\"ws://127.0.0.1:" + this.server.getPort() + "/gateway\",\"shards\":1,"
					+ "\"session_start_limit\":{\"total\":1000,\"remaining\":1000,\"reset_after\":0,"
					+ "\"max_concurrency\":1}}");
		}
		if (route.matches("interactions/\\d+/[^/]+/callback")) {
			String id = route.split("/")[1];
			return ok("{\"interaction\":{\"id\":\"" + id + "\",\"type\":2,\"response_message_loading\":false,"
					+ "\"response_message_ephemeral\":false}}");
		}
		if (route.equals("users/@me")) {
			return ok(selfUser().toString());
		}
		if (route.matches("applications/\\d+(/guilds/\\d+)?/commands") && request.getMethod().equals("PUT")) {
			ArrayNode commands = (ArrayNode) this.json.readTree(body.utf8());
			int i = 10;
			for (JsonNode command : commands) {
				ObjectNode registered = (ObjectNode) command;
				registered.put("id", snowflake(i++));
				registered.put("application_id", APPLICATION_ID);
				registered.put("version", snowflake(i++));
				registered.put("default_member_permissions", registered.path("default_member_permissions").asString(null));
				registered.put("type", registered.path("type").asInt(1));
			}
			return ok(commands.toString());
		}
		return new MockResponse.Builder().code(404)
			.addHeader("Content-Type", "application/json")
			.body("{\"message\":\"Unknown route in FakeDiscord: " + request.getMethod() + " " + route + "\",\"code\":0}")
			.build();
	}

	private ObjectNode selfUser() {
		ObjectNode user = this.json.createObjectNode();
		user.put("id", APPLICATION_ID);
		user.put("username", "Name That Artist");
		user.put("discriminator", "0000");
		user.putNull("global_name");
		user.putNull("avatar");
		user.put("bot", true);
		user.put("mfa_enabled", false);
		user.put("verified", true);
		user.put("flags", 0);
		user.put("public_flags", 0);
		return user;
	}

	private static MockResponse ok(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	/** One gateway connection: zlib-stream when JDA asks for it, as one deflate stream flushed per payload. */
	private final class Gateway extends WebSocketListener {

		private final Deflater deflater = new Deflater();

		private boolean compressed;

		private int sequence;

		private WebSocket socket;

		@Override
		public void onOpen(WebSocket socket, Response response) {
			this.compressed = "zlib-stream".equals(response.request().url().queryParameter("compress"));
			send(socket, "{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
		}

		@Override
		public void onMessage(WebSocket socket, String text) {
			JsonNode payload = FakeDiscord.this.json.readTree(text);
			FakeDiscord.this.gatewayReceived.add(payload);
			switch (payload.path("op").asInt()) {
				case 1 -> send(socket, "{\"op\":11}");
				case 2 -> {
					ObjectNode ready = FakeDiscord.this.json.createObjectNode();
					ready.put("v", 10);
					ready.set("user", selfUser());
					ObjectNode unavailable = FakeDiscord.this.json.createObjectNode();
					unavailable.put("id", GUILD_ID);
					unavailable.put("unavailable", true);
					ready.set("guilds", FakeDiscord.this.json.createArrayNode().add(unavailable));
					ready.set("private_channels", FakeDiscord.this.json.createArrayNode());
					ready.set("relationships", FakeDiscord.this.json.createArrayNode());
					ready.put("session_id", "fake-session");
					ready.put("resume_gateway_url", "ws://127.0.0.1:" + FakeDiscord.this.server.getPort() + "/gateway");
					ready.set("shard", FakeDiscord.this.json.createArrayNode().add(0).add(1));
					ObjectNode application = ready.putObject("application");
					application.put("id", APPLICATION_ID);
					application.put("flags", 0);
					this.socket = socket;
					FakeDiscord.this.current = this;
					dispatchEvent("READY", ready);
					dispatchEvent("GUILD_CREATE", guild());
				}
				default -> {
				}
			}
		}

		@Override
		public void onClosing(WebSocket socket, int code, String reason) {
			socket.close(code, null);
		}

		private synchronized void dispatchEvent(String type, JsonNode data) {
			ObjectNode payload = FakeDiscord.this.json.createObjectNode();
			payload.put("op", 0);
			payload.put("t", type);
			payload.put("s", ++this.sequence);
			payload.set("d", data);
			send(this.socket, payload.toString());
		}

		private synchronized void send(WebSocket socket, String text) {
			if (!this.compressed) {
				socket.send(text);
				return;
			}
			this.deflater.setInput(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int n;
			do {
				n = this.deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
				out.write(buffer, 0, n);
			}
			while (n == buffer.length);
			socket.send(ByteString.of(out.toByteArray()));
		}

	}

	@Override
	public void close() {
		this.server.close();
	}

}
