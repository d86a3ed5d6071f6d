package org.namethatartist.discord.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
 * WebSocket, both on one {@link MockWebServer}.
 * <ul>
 * <li>Gateway: HELLO, IDENTIFY, READY and the GUILD_CREATE of one server with one text channel, heartbeats
 * and their ACKs, zlib-stream as JDA asks by default; it sends slash commands and button clicks as
 * INTERACTION_CREATE from users with given permissions.</li>
 * <li>REST: gateway/bot, users/@me, the command registration, interaction callbacks, follow-ups and the
 * original response's edits (webhooks), and channel messages (POST, PATCH, DELETE), as JSON or multipart
 * ({@code payload_json} and {@code files[n]}).</li>
 * <li>It enforces Discord's rules, so that a wrong bot fails: a callback within 3 s of the interaction and
 * only one (a second gets 400, code 40060; a late one 404, code 10062); follow-ups and edits of the original
 * only after the callback; the limits of messages, embeds and components (400, code 50035). Each refusal is
 * kept in {@link #refusals()}, which a scenario expects empty.</li>
 * <li>It records every REST request the bot sent, with the time it arrived, and the messages of the
 * channel as the bot left them.</li>
 * </ul>
 */
final class FakeDiscord implements AutoCloseable {

	static final String APPLICATION_ID = snowflake(1);

	/** The Discord-epoch millisecond of the servers' ids: server {@code g}'s id is {@code ((BASE + g) << 22) | 2}. */
	private static final long BASE = System.currentTimeMillis() - 1420070400000L - 60_000;

	static final String GUILD_ID = guildId(0);

	static final String CHANNEL_ID = channelId(0, 0);

	/** The shards' gateway connections, by shard id; interactions go through their server's shard. */
	private final Map<Integer, Gateway> gateways = new ConcurrentHashMap<>();

	private final Layout layout;

	/**
	 * The servers this Discord has: {@code guilds} servers of {@code channels} text channels each, spread over
	 * {@code shards} shards as Discord spreads them ({@code (guild id >> 22) % shards}).
	 */
	record Layout(int shards, int guilds, int channels) {

		static Layout single() {
			return new Layout(1, 1, 1);
		}

		int shardOf(String guildId) {
			return (int) ((Long.parseLong(guildId) >>> 22) % this.shards);
		}

		/** The server of a channel id, or -1 when the id is not one of this layout's channels. */
		int guildOf(String channelId) {
			long id;
			try {
				id = Long.parseLong(channelId);
			}
			catch (NumberFormatException ex) {
				return -1;
			}
			long guild = (id >>> 22) - BASE;
			long channel = (id & 0xFFF) - 3;
			return (guild >= 0 && guild < this.guilds && channel >= 0 && channel < this.channels) ? (int) guild : -1;
		}

	}

	static String guildId(int guild) {
		return Long.toString(((BASE + guild) << 22) | 2);
	}

	static String channelId(int guild, int channel) {
		return Long.toString(((BASE + guild) << 22) | (3 + channel));
	}

	private int interactions = 100;

	private final JsonMapper json = JsonMapper.builder().build();

	private final MockWebServer server = new MockWebServer();

	private final List<Sent> sent = new CopyOnWriteArrayList<>();

	private final List<JsonNode> gatewayReceived = new CopyOnWriteArrayList<>();

	private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

	/** Interactions sent, by id. */
	private final Map<String, Interaction> interactionsById = new ConcurrentHashMap<>();

	/** The channel's messages as the bot left them, by id, in the order they were posted. */
	private final Map<String, ObjectNode> messages = Collections.synchronizedMap(new LinkedHashMap<>());

	private final AtomicInteger ids = new AtomicInteger(1000);

	/** Display names given to users, by id; others are {@code player<last 3 digits>}. */
	private final Map<String, String> names = new ConcurrentHashMap<>();

	/** IDENTIFYs not answered yet, while {@link #holdIdentifies()} is in force. */
	private final List<Runnable> heldIdentifies = new java.util.ArrayList<>();

	private boolean holdingIdentifies;

	/** How long the bot has to answer an interaction, as on Discord. */
	static final Duration CALLBACK_WINDOW = Duration.ofSeconds(3);

	/** A request the fake refused because it broke one of Discord's rules, and why. */
	record Refusal(Sent request, int status, int code, String why) {
	}

	/** An interaction the fake sent, and its callback once the bot gave one. */
	static final class Interaction {

		final String id;

		final String token;

		final Instant created;

		volatile Instant answeredAt;

		volatile JsonNode callback;

		final String channelId;

		/** When the fake sent it over the gateway. */
		volatile Instant dispatchedAt;

		Interaction(String id, String token, Instant created, String channelId) {
			this.id = id;
			this.token = token;
			this.created = created;
			this.channelId = channelId;
		}

		Instant answeredAt() {
			return this.answeredAt;
		}

		JsonNode callback() {
			return this.callback;
		}

	}

	/** A request the bot sent to the REST API. */
	record Sent(Instant at, String method, String path, String body, List<Multipart.Upload> uploads) {

		Sent(Instant at, String method, String path, String body) {
			this(at, method, path, body, List.of());
		}

	}

	FakeDiscord() throws IOException {
		this(Layout.single());
	}

	FakeDiscord(Layout layout) throws IOException {
		this.layout = layout;
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

	/** The requests the fake refused for breaking Discord's rules; a right bot leaves it empty. */
	List<Refusal> refusals() {
		return List.copyOf(this.refusals);
	}

	/** An interaction sent earlier, with its callback once answered. */
	Interaction interaction(String id) {
		return this.interactionsById.get(id);
	}

	/** The channel's messages, as the bot posted and then edited them, in the order posted. */
	List<ObjectNode> messages() {
		synchronized (this.messages) {
			return this.messages.values().stream().map(ObjectNode::deepCopy).toList();
		}
	}

	/** A snowflake made from the current time, as Discord's are (JDA reads times from them). */
	static String snowflake(int increment) {
		long millis = System.currentTimeMillis() - 1420070400000L;
		return Long.toString((millis << 22) | (increment & 0xFFF));
	}

	/** Sends a slash command from a user with the given permissions (a decimal bit set); its interaction id. */
	String slashCommand(String name, String userId, long permissions) {
		return slashCommand(name, userId, permissions, Map.of());
	}

	/**
	 * Sends a slash command with options (name to value: a string, a whole number or a boolean) from a user
	 * with the given permissions; its interaction id.
	 */
	String slashCommand(String name, String userId, long permissions, Map<String, Object> options) {
		return slashCommand(CHANNEL_ID, name, userId, permissions, options);
	}

	/** As {@link #slashCommand(String, String, long, Map)}, in a given channel of the layout. */
	String slashCommand(String channelId, String name, String userId, long permissions, Map<String, Object> options) {
		ObjectNode interaction = interaction(channelId, 2, userId, permissions);
		addOptions(command(interaction, name).putArray("options"), options);
		return send(interaction);
	}

	/** The interaction's {@code data} for a chat-input command of this name. */
	private static ObjectNode command(ObjectNode interaction, String name) {
		ObjectNode data = interaction.putObject("data");
		data.put("id", snowflake(50));
		data.put("name", name);
		data.put("type", 1);
		return data;
	}

	/**
	 * Sends a slash command's subcommand ({@code /settings set}) with its options, as Discord nests them: one
	 * option of type 1 holding the others; its interaction id.
	 */
	String subcommand(String name, String subcommand, String userId, long permissions, Map<String, Object> options) {
		ObjectNode interaction = interaction(CHANNEL_ID, 2, userId, permissions);
		ObjectNode sub = command(interaction, name).putArray("options").addObject();
		sub.put("name", subcommand);
		sub.put("type", 1);
		addOptions(sub.putArray("options"), options);
		return send(interaction);
	}

	/** Options by name: a string, a whole number or a boolean, typed as Discord types them. */
	private static void addOptions(ArrayNode given, Map<String, Object> options) {
		options.forEach((option, value) -> {
			ObjectNode one = given.addObject();
			one.put("name", option);
			if (value instanceof Integer || value instanceof Long) {
				one.put("type", 4);
				one.put("value", ((Number) value).longValue());
			}
			else if (value instanceof Boolean flag) {
				one.put("type", 5);
				one.put("value", flag);
			}
			else {
				one.put("type", 3);
				one.put("value", String.valueOf(value));
			}
		});
	}

	/** An interaction of the given type from a component of one of the channel's messages, carrying that message. */
	private ObjectNode onMessage(String messageId, int type, String userId, long permissions) {
		ObjectNode message = this.messages.get(messageId);
		if (message == null) {
			throw new IllegalArgumentException("no message " + messageId + " in the channel");
		}
		ObjectNode interaction = interaction(message.path("channel_id").asString(), type, userId, permissions);
		interaction.set("message", message.deepCopy());
		return interaction;
	}

	/**
	 * Keeps the message an interaction's callback made or updated (type 4 or 7, ephemeral ones included) as a
	 * message of its channel, so that a test can click its buttons; its id.
	 */
	String keepCallbackMessage(String interactionId) {
		Interaction interaction = this.interactionsById.get(interactionId);
		if (interaction == null || interaction.callback == null) {
			throw new IllegalArgumentException("interaction " + interactionId + " has no callback");
		}
		String id = snowflake(this.ids.incrementAndGet());
		this.messages.put(id, message(id, interaction.channelId, interaction.callback.path("data"), null));
		return id;
	}

	/** A click on a button of one of the channel's messages, by a user with the given permissions; its id. */
	String click(String messageId, String customId, String userId, long permissions) {
		ObjectNode interaction = onMessage(messageId, 3, userId, permissions);
		ObjectNode data = interaction.putObject("data");
		data.put("custom_id", customId);
		data.put("component_type", 2);
		return send(interaction);
	}

	/**
	 * A modal submitted by a user: the form {@code modalId} with one text field {@code fieldId} holding
	 * {@code value}, in a label as Discord sends it (from a button of the channel's message {@code messageId}).
	 */
	String submitModal(String messageId, String modalId, String fieldId, String value, String userId,
			long permissions) {
		ObjectNode interaction = onMessage(messageId, 5, userId, permissions);
		ObjectNode data = interaction.putObject("data");
		data.put("custom_id", modalId);
		ObjectNode label = data.putArray("components").addObject();
		label.put("type", 18);
		label.put("id", 1);
		ObjectNode input = label.putObject("component");
		input.put("type", 4);
		input.put("id", 2);
		input.put("custom_id", fieldId);
		input.put("value", value);
		return send(interaction);
	}

	/** An interaction known to the fake but not sent over the gateway (to test the fake's own rules); its id. */
	String registerInteraction() {
		return registerInteraction(Duration.ZERO);
	}

	/** As {@link #registerInteraction()}, created {@code ago}. */
	String registerInteraction(Duration ago) {
		String id = snowflake(this.interactions++ & 0xFFF);
		long millis = (Long.parseLong(id) >>> 22) - ago.toMillis();
		String older = Long.toString((millis << 22) | (Long.parseLong(id) & 0xFFF));
		this.interactionsById.put(older, new Interaction(older, "token-" + older, timeOf(older), CHANNEL_ID));
		return older;
	}

	private String send(ObjectNode interaction) {
		String id = interaction.path("id").asString();
		Interaction sent = new Interaction(id, interaction.path("token").asString(), timeOf(id),
				interaction.path("channel_id").asString());
		this.interactionsById.put(id, sent);
		int shard = this.layout.shardOf(interaction.path("guild_id").asString());
		Gateway gateway = this.gateways.get(shard);
		if (gateway == null) {
			throw new IllegalStateException("shard " + shard + " is not connected");
		}
		sent.dispatchedAt = Instant.now();
		gateway.dispatchEvent("INTERACTION_CREATE", interaction);
		return id;
	}

	/**
	 * Gives a user a name (username and {@code global_name}). Discord restricts usernames, not display
	 * names; the fake sends both as given, so that the bot's escaping is tested with the worst.
	 */
	void name(String userId, String name) {
		this.names.put(userId, name);
	}

	/** Op 9, Invalid Session, not resumable: the shard must IDENTIFY again (and JDA clears its cache). */
	void invalidateSession(int shard) {
		this.gateways.get(shard).sendPayload("{\"op\":9,\"d\":false}");
	}

	/** Op 7, Reconnect: the shard reconnects and RESUMEs its session. */
	void requestReconnect(int shard) {
		this.gateways.get(shard).sendPayload("{\"op\":7,\"d\":null}");
	}

	/** From now on, IDENTIFYs are not answered until {@link #releaseIdentifies()}: a shard stays away. */
	void holdIdentifies() {
		synchronized (this.heldIdentifies) {
			this.holdingIdentifies = true;
		}
	}

	/** Answers the IDENTIFYs held, and the next ones at once. */
	void releaseIdentifies() {
		List<Runnable> held;
		synchronized (this.heldIdentifies) {
			this.holdingIdentifies = false;
			held = List.copyOf(this.heldIdentifies);
			this.heldIdentifies.clear();
		}
		held.forEach(Runnable::run);
	}

	/** The gateway payloads the bot sent with this op code (2 IDENTIFY, 6 RESUME, …). */
	long received(int op) {
		return this.gatewayReceived.stream().filter((payload) -> payload.path("op").asInt() == op).count();
	}

	/** When a snowflake was made, as Discord (and JDA) read it. */
	static Instant timeOf(String snowflake) {
		return Instant.ofEpochMilli((Long.parseLong(snowflake) >>> 22) + 1420070400000L);
	}

	private synchronized ObjectNode interaction(String channelId, int type, String userId, long permissions) {
		int guildIndex = this.layout.guildOf(channelId);
		if (guildIndex < 0) {
			throw new IllegalArgumentException("no channel " + channelId + " in this Discord");
		}
		String guildId = guildId(guildIndex);
		String id = snowflake(this.interactions++ & 0xFFF);
		ObjectNode interaction = this.json.createObjectNode();
		interaction.put("id", id);
		interaction.put("application_id", APPLICATION_ID);
		interaction.put("type", type);
		interaction.put("token", "token-" + id);
		interaction.put("version", 1);
		interaction.put("guild_id", guildId);
		// JDA tells a server's interaction from a DM's by this partial guild, not by guild_id.
		ObjectNode guild = interaction.putObject("guild");
		guild.put("id", guildId);
		guild.put("locale", "en-US");
		guild.set("features", this.json.createArrayNode());
		interaction.put("channel_id", channelId);
		ObjectNode channel = channel(guildId, channelId, 0);
		channel.put("permissions", Long.toString(permissions));
		interaction.set("channel", channel);
		interaction.put("app_permissions", "2251799813685247");
		interaction.put("locale", "en-US");
		interaction.put("guild_locale", "en-US");
		interaction.put("context", 0);
		interaction.set("entitlements", this.json.createArrayNode());
		interaction.putObject("authorizing_integration_owners").put("0", guildId);
		ObjectNode member = interaction.putObject("member");
		ObjectNode user = member.putObject("user");
		user.put("id", userId);
		user.put("username", this.names.getOrDefault(userId, "player" + userId.substring(userId.length() - 3)));
		user.put("discriminator", "0");
		if (this.names.containsKey(userId)) {
			user.put("global_name", this.names.get(userId));
		}
		else {
			user.putNull("global_name");
		}
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
		return interaction;
	}

	private ObjectNode channel(String guildId, String channelId, int position) {
		ObjectNode channel = this.json.createObjectNode();
		channel.put("id", channelId);
		channel.put("type", 0);
		channel.put("guild_id", guildId);
		channel.put("name", (position == 0) ? "games" : "channel-" + position);
		channel.put("position", position);
		channel.set("permission_overwrites", this.json.createArrayNode());
		channel.put("nsfw", false);
		channel.put("rate_limit_per_user", 0);
		channel.putNull("parent_id");
		channel.putNull("topic");
		channel.putNull("last_message_id");
		channel.put("flags", 0);
		return channel;
	}

	private ObjectNode guild(int index) {
		String guildId = guildId(index);
		ObjectNode guild = this.json.createObjectNode();
		guild.put("id", guildId);
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
		everyone.put("id", guildId);
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
		ArrayNode channels = guild.putArray("channels");
		for (int c = 0; c < this.layout.channels(); c++) {
			channels.add(channel(guildId, channelId(index, c), c));
		}
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

	/** The servers of one shard, by index. */
	private List<Integer> guildsOf(int shard) {
		List<Integer> guilds = new java.util.ArrayList<>();
		for (int guild = 0; guild < this.layout.guilds(); guild++) {
			if (this.layout.shardOf(guildId(guild)) == shard) {
				guilds.add(guild);
			}
		}
		return guilds;
	}

	private MockResponse dispatch(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		if (path.startsWith("/gateway")) {
			return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
		}
		Instant at = Instant.now();
		ByteString raw = request.getBody();
		String contentType = request.getHeaders().get("Content-Type");
		String body;
		List<Multipart.Upload> uploads = List.of();
		if (contentType != null && contentType.startsWith("multipart/form-data")) {
			Multipart multipart = Multipart.parse(contentType, (raw != null) ? raw : ByteString.EMPTY);
			body = multipart.payloadJson();
			uploads = multipart.uploads();
		}
		else {
			body = (raw != null) ? raw.utf8() : "";
		}
		int files = uploads.size();
		Sent sent = new Sent(at, request.getMethod(), path, body, uploads);
		this.sent.add(sent);
		String route = path.substring("/api/v10/".length());
		String method = request.getMethod();
		if (route.equals("gateway/bot")) {
			return ok("{\"url\":\"ws://127.0.0.1:" + this.server.getPort() + "/gateway\",\"shards\":" + this.layout.shards() + ","
					+ "\"session_start_limit\":{\"total\":1000,\"remaining\":1000,\"reset_after\":0,"
					+ "\"max_concurrency\":16}}");
		}
		if (route.matches("interactions/\\d+/[^/]+/callback")) {
			return callback(sent, route.split("/")[1], route.split("/")[2]);
		}
		if (route.matches("webhooks/\\d+/[^/]+(/messages/.+)?")) {
			return webhook(sent, route.split("/")[2]);
		}
		if (route.matches("channels/\\d+/messages(/\\d+)?")) {
			return channelMessage(sent, route.split("/"), files);
		}
		if (route.equals("users/@me")) {
			return ok(selfUser().toString());
		}
		if (route.matches("applications/\\d+(/guilds/\\d+)?/commands") && method.equals("PUT")) {
			ArrayNode commands = (ArrayNode) this.json.readTree(body);
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
		return error(sent, 404, 0, "Unknown route in FakeDiscord: " + method + " " + route);
	}

	/**
	 * An interaction's callback: within {@link #CALLBACK_WINDOW} of the interaction and only once, its
	 * message within Discord's limits. Answered as Discord does with {@code with_response=true}.
	 */
	private MockResponse callback(Sent sent, String id, String token) {
		Interaction interaction = this.interactionsById.get(id);
		if (interaction == null || !interaction.token.equals(token)) {
			return error(sent, 404, 10062, "Unknown interaction");
		}
		JsonNode body = this.json.readTree(sent.body());
		synchronized (interaction) {
			if (interaction.answeredAt != null) {
				return error(sent, 400, 40060, "Interaction has already been acknowledged.");
			}
			if (Duration.between(interaction.created, sent.at()).compareTo(CALLBACK_WINDOW) > 0) {
				return error(sent, 404, 10062, "Unknown interaction (answered "
						+ Duration.between(interaction.created, sent.at()).toMillis() + " ms after it was created)");
			}
			int type = body.path("type").asInt();
			if (type == 4 || type == 7) {
				String problem = Limits.check(body.path("data"));
				if (problem != null) {
					return error(sent, 400, 50035, "Invalid Form Body: " + problem);
				}
			}
			if (type == 9) {
				String problem = Limits.checkModal(body.path("data"));
				if (problem != null) {
					return error(sent, 400, 50035, "Invalid Form Body: " + problem);
				}
			}
			interaction.callback = body;
			interaction.answeredAt = sent.at();
		}
		ObjectNode response = this.json.createObjectNode();
		ObjectNode about = response.putObject("interaction");
		about.put("id", id);
		about.put("type", 2);
		about.put("response_message_loading", body.path("type").asInt() == 5);
		about.put("response_message_ephemeral", (body.path("data").path("flags").asInt() & 64) != 0);
		ObjectNode resource = response.putObject("resource");
		resource.put("type", body.path("type").asInt());
		if (body.path("type").asInt() == 4) {
			resource.set("message", message(snowflake(this.ids.incrementAndGet()), interaction.channelId, body.path("data"),
					null));
		}
		return ok(response.toString());
	}

	/** Follow-ups and the original response's edits: only once the interaction has its callback. */
	private MockResponse webhook(Sent sent, String token) {
		Interaction interaction = this.interactionsById.values().stream()
			.filter((one) -> one.token.equals(token))
			.findFirst()
			.orElse(null);
		if (interaction == null) {
			return error(sent, 404, 10015, "Unknown Webhook");
		}
		if (interaction.answeredAt == null) {
			return error(sent, 404, 10015, "Unknown Webhook (a follow-up before the interaction's callback)");
		}
		if (sent.method().equals("DELETE")) {
			return new MockResponse.Builder().code(204).build();
		}
		JsonNode body = sent.body().isEmpty() ? this.json.createObjectNode() : this.json.readTree(sent.body());
		if (!sent.method().equals("GET")) {
			String problem = Limits.check(body);
			if (problem != null) {
				return error(sent, 400, 50035, "Invalid Form Body: " + problem);
			}
		}
		return ok(message(snowflake(this.ids.incrementAndGet()), interaction.channelId, body, null).toString());
	}

	/** How long Discord remembers a nonce sent with {@code enforce_nonce}: "a few minutes". */
	static final Duration NONCE_WINDOW = Duration.ofMinutes(2);

	/** Messages posted with a nonce, by channel and nonce. */
	private final Map<String, ObjectNode> messagesByNonce = new ConcurrentHashMap<>();

	/** Uploaded files by message id, in the order they came, for the tests to look at. */
	private final Map<String, List<Multipart.Upload>> uploads = new ConcurrentHashMap<>();

	/** The files uploaded with a message (posted or edited into it). */
	List<Multipart.Upload> uploads(String messageId) {
		return this.uploads.getOrDefault(messageId, List.of());
	}

	/** Adds the files to the message's attachments, each with a CDN address named by its file name. */
	private void attach(ObjectNode message, List<Multipart.Upload> files) {
		if (files.isEmpty()) {
			return;
		}
		String id = message.path("id").asString();
		ArrayNode attachments = (ArrayNode) message.withArray("attachments");
		for (Multipart.Upload file : files) {
			String attachmentId = snowflake(this.ids.incrementAndGet());
			ObjectNode attachment = attachments.addObject();
			attachment.put("id", attachmentId);
			attachment.put("filename", file.fileName());
			attachment.put("size", file.bytes().length);
			String url = "https://cdn.discordapp.test/attachments/" + message.path("channel_id").asString() + "/"
					+ attachmentId + "/" + file.fileName();
			attachment.put("url", url);
			attachment.put("proxy_url", url.replace("cdn.", "media."));
		}
		this.uploads.computeIfAbsent(id, (key) -> new CopyOnWriteArrayList<>()).addAll(files);
	}

	/**
	 * Embeds' {@code attachment://name} images replaced by the attachment's address, as Discord answers; a
	 * name that is none of the message's files is refused (a message that shows no image is a bot's bug).
	 */
	private String resolveAttachments(ObjectNode message) {
		Map<String, String> byName = new HashMap<>();
		message.path("attachments").forEach((a) -> byName.put(a.path("filename").asString(), a.path("url").asString()));
		for (JsonNode embed : message.path("embeds")) {
			JsonNode image = embed.path("image");
			String url = image.path("url").asString("");
			if (url.startsWith("attachment://")) {
				String name = url.substring("attachment://".length());
				if (!byName.containsKey(name)) {
					return "embeds.image.url: " + url + " is not one of the message's files";
				}
				((ObjectNode) image).put("url", byName.get(name));
				((ObjectNode) image).put("proxy_url", byName.get(name).replace("cdn.", "media."));
			}
		}
		return null;
	}

	/** The channel's messages: posted, edited and deleted, each post and edit within Discord's limits. */
	private MockResponse channelMessage(Sent sent, String[] route, int files) {
		if (this.layout.guildOf(route[1]) < 0) {
			return error(sent, 404, 10003, "Unknown Channel");
		}
		String method = sent.method();
		if (route.length == 3 && method.equals("POST")) {
			JsonNode body = this.json.readTree(sent.body());
			String problem = Limits.check(body);
			if (problem != null) {
				return error(sent, 400, 50035, "Invalid Form Body: " + problem);
			}
			if (body.path("content").asString("").isEmpty() && body.path("embeds").isEmpty()
					&& body.path("components").isEmpty() && files == 0) {
				return error(sent, 400, 50006, "Cannot send an empty message");
			}
			String nonce = body.path("nonce").asString(null);
			if (nonce != null && body.path("enforce_nonce").asBoolean(false)) {
				// Discord answers a second message with the same nonce, within a few minutes, with the first.
				ObjectNode first = this.messagesByNonce.get(route[1] + "/" + nonce);
				if (first != null && Duration.between(Instant.parse(first.path("timestamp").asString()), sent.at())
					.compareTo(NONCE_WINDOW) < 0) {
					return ok(first.toString());
				}
			}
			String id = snowflake(this.ids.incrementAndGet());
			ObjectNode message = message(id, route[1], body, null);
			if (nonce != null) {
				message.put("nonce", nonce);
				this.messagesByNonce.put(route[1] + "/" + nonce, message);
			}
			attach(message, sent.uploads());
			String unresolved = resolveAttachments(message);
			if (unresolved != null) {
				return error(sent, 400, 50035, "Invalid Form Body: " + unresolved);
			}
			this.messages.put(id, message);
			return ok(message.toString());
		}
		if (route.length == 4) {
			ObjectNode existing = this.messages.get(route[3]);
			if (existing == null) {
				return error(sent, 404, 10008, "Unknown Message");
			}
			if (method.equals("DELETE")) {
				this.messages.remove(route[3]);
				return new MockResponse.Builder().code(204).build();
			}
			if (method.equals("PATCH")) {
				JsonNode body = this.json.readTree(sent.body());
				String problem = Limits.check(body);
				if (problem != null) {
					return error(sent, 400, 50035, "Invalid Form Body: " + problem);
				}
				ObjectNode edited = message(route[3], route[1], body, existing);
				if (body.has("attachments")) {
					// Discord keeps only the files the edit lists (by id), then adds the new ones.
					Set<String> kept = new HashSet<>();
					body.path("attachments").forEach((a) -> kept.add(a.path("id").asString("")));
					ArrayNode remaining = this.json.createArrayNode();
					existing.path("attachments").forEach((a) -> {
						if (kept.contains(a.path("id").asString())) {
							remaining.add(a);
						}
					});
					edited.set("attachments", remaining);
				}
				attach(edited, sent.uploads());
				String unresolved = resolveAttachments(edited);
				if (unresolved != null) {
					return error(sent, 400, 50035, "Invalid Form Body: " + unresolved);
				}
				edited.put("edited_timestamp", sent.at().toString());
				this.messages.put(route[3], edited);
				return ok(edited.toString());
			}
			if (method.equals("GET")) {
				return ok(existing.toString());
			}
		}
		return error(sent, 405, 0, "Method not allowed in FakeDiscord: " + method);
	}

	/**
	 * A message as Discord returns it: the bot's content, embeds and components (each member it sent replaces
	 * the old one's, as an edit does), with the fields JDA reads.
	 */
	private ObjectNode message(String id, String channelId, JsonNode sent, ObjectNode old) {
		ObjectNode message = (old != null) ? old.deepCopy() : this.json.createObjectNode();
		message.put("id", id);
		message.put("channel_id", channelId);
		message.put("guild_id", guildId(Math.max(0, this.layout.guildOf(channelId))));
		message.set("author", selfUser());
		message.put("type", 0);
		message.put("tts", false);
		message.put("pinned", false);
		message.put("mention_everyone", false);
		message.set("mentions", this.json.createArrayNode());
		message.set("mention_roles", this.json.createArrayNode());
		if (old == null) {
			message.put("timestamp", Instant.now().toString());
			message.putNull("edited_timestamp");
			message.put("content", "");
			message.set("embeds", this.json.createArrayNode());
			message.set("components", this.json.createArrayNode());
			message.set("attachments", this.json.createArrayNode());
			message.put("flags", 0);
		}
		if (sent.has("content")) {
			message.put("content", sent.path("content").asString(""));
		}
		if (sent.has("embeds")) {
			ArrayNode embeds = message.putArray("embeds");
			for (JsonNode embed : sent.path("embeds")) {
				ObjectNode copy = ((ObjectNode) embed).deepCopy();
				copy.put("type", "rich");
				embeds.add(copy);
			}
		}
		if (sent.has("components")) {
			message.set("components", sent.path("components").deepCopy());
		}
		if (sent.has("flags")) {
			message.put("flags", sent.path("flags").asInt());
		}
		return message;
	}

	private MockResponse error(Sent sent, int status, int code, String why) {
		this.refusals.add(new Refusal(sent, status, code, why));
		ObjectNode body = this.json.createObjectNode();
		body.put("message", why);
		body.put("code", code);
		return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
			.body(body.toString()).build();
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
					this.socket = socket;
					Runnable ready = () -> identified(payload);
					synchronized (FakeDiscord.this.heldIdentifies) {
						if (FakeDiscord.this.holdingIdentifies) {
							FakeDiscord.this.heldIdentifies.add(ready);
							return;
						}
					}
					ready.run();
				}
				case 6 -> {
					// RESUME after op 7 or a dropped connection: the session goes on, nothing is replayed.
					this.socket = socket;
					String session = payload.path("d").path("session_id").asString("");
					int shard = session.startsWith("fake-session-") ? Integer.parseInt(session.substring(13)) : 0;
					FakeDiscord.this.gateways.put(shard, this);
					dispatchEvent("RESUMED", FakeDiscord.this.json.createObjectNode());
				}
				default -> {
				}
			}
		}

		/** READY with the shard's servers, then their GUILD_CREATE. */
		private void identified(JsonNode payload) {
			ObjectNode ready = FakeDiscord.this.json.createObjectNode();
			ready.put("v", 10);
			ready.set("user", selfUser());
			JsonNode given = payload.path("d").path("shard");
			int shard = given.isArray() ? given.path(0).asInt() : 0;
			int total = given.isArray() ? given.path(1).asInt() : 1;
			List<Integer> guilds = guildsOf(shard);
			ArrayNode unavailable = ready.putArray("guilds");
			for (int guild : guilds) {
				unavailable.addObject().put("id", guildId(guild)).put("unavailable", true);
			}
			ready.set("private_channels", FakeDiscord.this.json.createArrayNode());
			ready.set("relationships", FakeDiscord.this.json.createArrayNode());
			ready.put("session_id", "fake-session-" + shard);
			ready.put("resume_gateway_url", "ws://127.0.0.1:" + FakeDiscord.this.server.getPort() + "/gateway");
			ready.set("shard", FakeDiscord.this.json.createArrayNode().add(shard).add(total));
			ObjectNode application = ready.putObject("application");
			application.put("id", APPLICATION_ID);
			application.put("flags", 0);
			FakeDiscord.this.gateways.put(shard, this);
			dispatchEvent("READY", ready);
			for (int guild : guilds) {
				dispatchEvent("GUILD_CREATE", guild(guild));
			}
		}

		@Override
		public void onClosing(WebSocket socket, int code, String reason) {
			socket.close(code, null);
		}

		synchronized void sendPayload(String payload) {
			send(this.socket, payload);
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
