package org.namethatartist.artwork.objkt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * objkt.com's GraphQL API as far as the client uses it, served by a MockWebServer on this machine: the
 * held-tokens query pages through each wallet's tokens by {@code limit} and {@code offset}, the artist
 * query answers a holder's profile (or no holder). Faults queued with {@link #failNext} answer the next
 * requests instead, one each; those queued with {@link #failWhere} answer the next requests they match.
 * Every request is recorded with the time it arrived.
 */
final class FakeObjkt extends Dispatcher {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, List<JsonNode>> heldTokens = new ConcurrentHashMap<>();

	private final Map<String, JsonNode> profiles = new ConcurrentHashMap<>();

	private final Map<String, List<JsonNode>> collections = new ConcurrentHashMap<>();

	private final Deque<Fault> faults = new ArrayDeque<>();

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final LongSupplier nanoTime;

	FakeObjkt(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	FakeObjkt() {
		this(System::nanoTime);
	}

	/** A request as received: when, the query and its variables. */
	record Request(long nanoTime, String query, JsonNode variables) {

		boolean isHeldTokens() {
			return this.query.contains("held_tokens");
		}

		boolean isCollectionTokens() {
			return this.query.contains("CollectionTokens");
		}

		String address() {
			return this.variables.path("address").asString();
		}

		int offset() {
			return this.variables.path("offset").asInt();
		}

	}

	FakeObjkt holds(String wallet, List<JsonNode> tokens) {
		this.heldTokens.put(wallet, List.copyOf(tokens));
		return this;
	}

	/**
	 * A collection's tokens with a supply, answered to the collection query ({@code token(where: {fa_contract})}),
	 * given as held tokens ({@link #token}): their {@code token} member is what the query answers.
	 */
	FakeObjkt collection(String contract, List<JsonNode> heldTokens) {
		this.collections.put(contract, heldTokens.stream().map((held) -> {
			ObjectNode token = (ObjectNode) held.path("token").deepCopy();
			token.put("fa_contract", contract);
			return (JsonNode) token;
		}).toList());
		return this;
	}

	/** A profile on objkt.com; {@code null} members are sent as JSON nulls. */
	FakeObjkt profile(String address, String alias, String tzdomain) {
		ObjectNode holder = JSON.createObjectNode();
		holder.put("address", address);
		holder.put("alias", alias);
		holder.put("tzdomain", tzdomain);
		holder.put("description", (alias != null) ? "About " + alias : null);
		holder.put("logo", (alias != null) ? "ipfs://QmLogo" + alias.length() : null);
		this.profiles.put(address, holder);
		return this;
	}

	FakeObjkt failNext(MockResponse... responses) {
		return failWhere((request) -> true, responses);
	}

	synchronized FakeObjkt failWhere(Predicate<Request> when, MockResponse... responses) {
		for (MockResponse response : responses) {
			this.faults.add(new Fault(when, response));
		}
		return this;
	}

	private record Fault(Predicate<Request> when, MockResponse response) {
	}

	List<Request> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	/** A held token as objkt.com answers it, {@code {"token": {...}}}; null members are JSON nulls. */
	static JsonNode token(String tokenId, String name, String thumbnail, String display, String artifact,
			String... creators) {
		ObjectNode token = JSON.createObjectNode();
		token.put("token_id", tokenId);
		token.put("name", name);
		token.put("description", (name != null) ? "About " + name : null);
		token.put("artifact_uri", artifact);
		token.put("display_uri", display);
		token.put("thumbnail_uri", thumbnail);
		token.put("fa_contract", "KT1RJ6PbjHpwc3M5rw5s2Nbmefwbuwbdxton");
		ArrayNode list = token.putArray("creators");
		for (String creator : creators) {
			list.addObject().put("creator_address", creator);
		}
		ObjectNode held = JSON.createObjectNode();
		held.set("token", token);
		return held;
	}

	static MockResponse status(int code, String... headers) {
		MockResponse.Builder builder = new MockResponse.Builder().code(code).body("{\"error\":\"try later\"}");
		for (String header : headers) {
			builder.addHeader(header);
		}
		return builder.build();
	}

	static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	@Override
	public MockResponse dispatch(RecordedRequest recorded) {
		long now = this.nanoTime.getAsLong();
		ByteString body = recorded.getBody();
		JsonNode request = JSON.readTree((body != null) ? body.utf8() : "{}");
		Request received = new Request(now, request.path("query").asString(), request.path("variables"));
		this.requests.add(received);
		synchronized (this) {
			for (Fault fault : this.faults) {
				if (fault.when().test(received)) {
					this.faults.remove(fault);
					return fault.response();
				}
			}
		}
		JsonNode variables = request.path("variables");
		String address = variables.path("address").asString();
		ObjectNode answer = JSON.createObjectNode();
		ArrayNode holders = answer.putObject("data").putArray("holder");
		if (request.path("query").asString().contains("CollectionTokens")) {
			ObjectNode collectionAnswer = JSON.createObjectNode();
			ArrayNode page = collectionAnswer.putObject("data").putArray("token");
			List<JsonNode> tokens = this.collections.getOrDefault(variables.path("contract").asString(), List.of());
			tokens.stream().skip(variables.path("offset").asInt()).limit(variables.path("limit").asInt()).forEach(page::add);
			return json(collectionAnswer.toString());
		}
		if (request.path("query").asString().contains("held_tokens")) {
			List<JsonNode> tokens = this.heldTokens.get(address);
			if (tokens != null) {
				int offset = variables.path("offset").asInt();
				int limit = variables.path("limit").asInt();
				ArrayNode page = holders.addObject().putArray("held_tokens");
				tokens.stream().skip(offset).limit(limit).forEach(page::add);
			}
		}
		else if (variables.path("addresses").isArray()) {
			for (JsonNode one : variables.path("addresses")) {
				JsonNode profile = this.profiles.get(one.asString());
				if (profile != null) {
					holders.add(profile);
				}
			}
		}
		else if (this.profiles.containsKey(address)) {
			holders.add(this.profiles.get(address));
		}
		return json(answer.toString());
	}

}
