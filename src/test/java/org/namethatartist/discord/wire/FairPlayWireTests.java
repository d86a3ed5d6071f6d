package org.namethatartist.discord.wire;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.namethatartist.artwork.ArtworkCatalog;
import org.namethatartist.artwork.Token;
import org.namethatartist.artwork.TokenCatalog;
import org.namethatartist.artwork.image.ArtworkImages;
import org.namethatartist.artwork.image.ImageServer;
import org.namethatartist.artwork.image.TestImages;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.game.StoredGame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fair play on the wire: each round's artwork reaches Discord as an uploaded {@code artwork.jpg} with no
 * metadata, and nothing that names the answer (the source address, the Commons file name, the token id, the
 * title) is sent before the round's reveal, which then gives the title, the artist and the link.
 */
class FairPlayWireTests extends WireTestCase {

	private final ImageServer images = new ImageServer();

	@AfterEach
	void closeImages() {
		this.images.close();
	}

	@Test
	void roundsUploadAnAnonymousImageAndNothingNamesTheAnswerBeforeTheReveal() throws Exception {
		startBot("--artwork.source=demo", "--artwork.images.demo-mirror=" + this.images.demoMirror(),
				"--artwork.images.prefetch-all=false", "--game.limits.rounds=1..50", "--game.limits.round-time=2s..60s",
				"--game.round-time=3s", "--game.limits.between-round-time=1s..60s", "--game.between-round-time=2s",
				"--game.start-delay=2s");
		String player = FakeDiscord.snowflake(901);
		String start = this.discord.slashCommand("namethatartist", player, PLAYER, Map.of("rounds", 2));
		await(() -> this.discord.interaction(start).answeredAt());

		List<Token> played = new ArrayList<>();
		for (int round = 1; round <= 2; round++) {
			int number = round;
			ObjectNode message = await(() -> openRound(number));
			String messageId = message.path("id").asString();
			Token token = currentToken();
			played.add(token);

			// The post: multipart, one file, artwork.jpg, shown by the embed from the attachment.
			FakeDiscord.Sent post = this.discord.sent().stream()
				.filter((sent) -> sent.method().equals("POST") && !sent.uploads().isEmpty()
						&& sent.body().contains(customIds(message).get(0)))
				.findFirst()
				.orElseThrow();
			assertThat(post.uploads()).hasSize(1);
			assertThat(post.uploads().get(0).fileName()).isEqualTo("artwork.jpg");
			assertThat(post.body()).contains("attachment://artwork.jpg")
				.doesNotContain("wikimedia", "Special:FilePath", "ipfs", "objkt", token.name(), token.tokenId());
			byte[] bytes = post.uploads().get(0).bytes();
			assertThat(ImageIO.read(new ByteArrayInputStream(bytes))).isNotNull();
			TestImages.assertNoMetadata(bytes);
			assertThat(message.path("embeds").get(0).path("image").path("url").asString())
				.endsWith("/artwork.jpg")
				.startsWith("https://cdn.discordapp.test/attachments/");

			// The round's end edits the message into the reveal: title, artist, link; the image stays.
			ObjectNode revealed = await(() -> this.discord.messages().stream()
				.filter((m) -> m.path("id").asString().equals(messageId) && allDisabled(m))
				.findFirst()
				.orElse(null));
			String reveal = revealed.toString();
			assertThat(reveal).contains(token.name(), "See the artwork", "commons.wikimedia.org");
			assertThat(revealed.path("embeds").get(0).path("image").path("url").asString()).endsWith("/artwork.jpg");
			assertThat(revealed.path("attachments")).hasSize(1);
		}
		await(() -> this.discord.messages().stream().anyMatch((m) -> m.toString().contains("Game Over")) ? true : null);

		// Every request before a round's reveal is free of what would name its answer.
		List<FakeDiscord.Sent> sent = this.discord.sent();
		ArtworkImages served = this.context.getBean(ArtworkImages.class);
		for (int round = 0; round < played.size(); round++) {
			Token token = played.get(round);
			String source = served.source(token);
			assertThat(source).startsWith(this.images.demoMirror());
			int reveal = revealIndex(sent, token);
			assertThat(reveal).as("round %d was revealed", round + 1).isPositive();
			for (FakeDiscord.Sent before : sent.subList(0, reveal)) {
				assertThat(before.body()).as("%s %s before round %d's reveal", before.method(), before.path(), round + 1)
					.doesNotContain(token.name(), token.tokenId(), source, TokenCatalog.link(token),
							token.shownImageUrl(), this.images.demoMirror());
			}
		}
		assertThat(this.discord.refusals()).isEmpty();
		assertThat(this.images.requests()).as("one fetch per round's image").isEqualTo(2);
		ArtworkImages.Status status = served.status();
		assertThat(status.files()).isEqualTo(2);
		assertThat(status.lastFailures()).isEmpty();
		String port = this.context.getEnvironment().getProperty("local.management.port");
		JsonNode health = JsonMapper.builder().build().readTree(java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
					+ "/actuator/health/artwork")).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
			.body()).path("details").path("images");
		assertThat(health.path("files").asInt()).isEqualTo(2);
		assertThat(health.path("hitRate").asDouble()).isGreaterThan(0);
		assertThat(health.has("lastFailures")).isTrue();
	}

	/** Where the first request naming the artwork's title is: its reveal. */
	private static int revealIndex(List<FakeDiscord.Sent> sent, Token token) {
		for (int i = 0; i < sent.size(); i++) {
			if (sent.get(i).body().contains(token.name())) {
				return i;
			}
		}
		return -1;
	}

	private Token currentToken() {
		GameStateRepository states = this.context.getBean(GameStateRepository.class);
		ArtworkCatalog catalog = this.context.getBean(ArtworkCatalog.class);
		return states.findAll().stream()
			.filter((game) -> game instanceof StoredGame.Resumable)
			.map((game) -> ((StoredGame.Resumable) game).snapshot().currentRound())
			.filter((round) -> round != null)
			.map((round) -> catalog.current().find(round.tokenKey()).orElseThrow())
			.findFirst()
			.orElseThrow();
	}

}
