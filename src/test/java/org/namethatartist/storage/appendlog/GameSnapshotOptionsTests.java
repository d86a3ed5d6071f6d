package org.namethatartist.storage.appendlog;

import org.junit.jupiter.api.Test;
import org.namethatartist.storage.GameSnapshotJson;
import org.namethatartist.artwork.Difficulty;
import org.namethatartist.game.AnswerMode;
import org.namethatartist.game.GameSnapshot;
import org.namethatartist.game.StoredGame;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.namethatartist.game.GameSnapshots.game;

/** The game state's difficulty and answer mode: written, read back, and absent in states saved before them. */
class GameSnapshotOptionsTests {

	private final GameSnapshotJson json = new GameSnapshotJson(JsonMapper.builder().build());

	@Test
	void shouldReadBackTheDifficultyAndAnswerMode() {
		GameSnapshot plain = game("c1", 2);
		GameSnapshot typed = new GameSnapshot(plain.schema(), plain.gameId(), plain.channelId(), plain.guildId(),
				plain.startedBy(), plain.startedAt(), plain.rounds(), plain.roundTime(), plain.betweenRoundTime(),
				plain.tokenKeys(), plain.phase(), plain.round(), plain.phaseEndsAt(), plain.currentRound(),
				plain.scores(), plain.recorded(), plain.lastUpdated(), Difficulty.HARD, AnswerMode.TYPED);
		JsonNode written = this.json.toJson(typed);
		assertThat(written.required("nta").required("difficulty").asString()).isEqualTo("hard");
		assertThat(written.required("nta").required("answers").asString()).isEqualTo("typed");
		StoredGame read = this.json.fromJson("c1", written);
		assertThat(read).isEqualTo(new StoredGame.Resumable(typed));
	}

	@Test
	void shouldResumeAStateSavedBeforeDifficultiesAsEasyWithButtons() {
		ObjectNode old = (ObjectNode) this.json.toJson(game("c1", 2));
		((ObjectNode) old.required("nta")).remove("difficulty");
		((ObjectNode) old.required("nta")).remove("answers");
		StoredGame read = this.json.fromJson("c1", old);
		assertThat(read).isInstanceOf(StoredGame.Resumable.class);
		GameSnapshot snapshot = ((StoredGame.Resumable) read).snapshot();
		assertThat(snapshot.difficulty()).isEqualTo(Difficulty.EASY);
		assertThat(snapshot.answers()).isEqualTo(AnswerMode.BUTTONS);
		assertThat(snapshot).isEqualTo(game("c1", 2));
	}

}
