package org.namethatartist.storage;

import org.namethatartist.artwork.TokenCache;
import org.namethatartist.daily.DailyRepository;
import org.namethatartist.game.GameStateRepository;
import org.namethatartist.player.PeriodBoards;
import org.namethatartist.guildsettings.GuildSettingsRepository;
import org.namethatartist.player.PlayerRepository;

/**
 * What a backend opens: the ports the domain owns, on one storage. The configuration of the chosen
 * backend declares it as a bean, and {@link StoragePortsConfiguration} hands its ports to the rest of
 * the application, whichever backend it is.
 */
public interface StorageBackend {

	PlayerRepository players();

	GameStateRepository gameStates();

	TokenCache tokens();

	/** Week and month boards. */
	PeriodBoards periods();
	GuildSettingsRepository guildSettings();

	/** Daily challenges and players' progress of them. */
	DailyRepository daily();

}
