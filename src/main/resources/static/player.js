// A player's page: player.html?id=<userId>[&guild=<server id>].
"use strict";

(() => {
	const { el, api, errorOf, number, date } = App;
	const query = new URLSearchParams(location.search);
	const id = query.get("id");
	const guild = query.get("guild") || "";
	const title = document.getElementById("title");
	const scope = document.getElementById("scope");
	const message = document.getElementById("message");

	function fail(text) {
		message.textContent = text;
		message.className = "error";
	}

	async function load() {
		if (!id) {
			fail("No player given: open a player from the leaderboard.");
			return;
		}
		const path = "/api/players/" + encodeURIComponent(id) + (guild ? "?guild=" + encodeURIComponent(guild) : "");
		const result = await api(path);
		if (result.status !== 200) {
			fail(errorOf(result));
			return;
		}
		const p = result.body;
		title.textContent = p.username || p.userId;
		document.title = (p.username || p.userId) + " · Name That Artist";
		scope.textContent = (guild ? "In Discord server " + guild : "Everywhere") + " · "
			+ (p.userId.startsWith("web:") ? "plays on the web" : "Discord player");
		const winRate = p.totalGames > 0 ? Math.round(100 * p.totalWins / p.totalGames) : 0;
		const figures = [
			["Games", number(p.totalGames)],
			["Wins", number(p.totalWins)],
			["Win rate", winRate + " %"],
			["Total score", number(p.totalScore)],
			["Best game", number(p.bestScore)],
			["Average", number(p.averageScore)],
			["Correct", number(p.totalCorrectAnswers)],
			["Wrong", number(p.totalIncorrectAnswers)],
			["Accuracy", p.accuracyRate + " %"],
		];
		const stats = document.getElementById("stats");
		stats.replaceChildren(...figures.map(([label, value]) => el("div", {}, el("dt", {}, label), el("dd", {}, value))));
		document.getElementById("stats-section").hidden = false;

		const history = document.getElementById("history");
		const games = [...p.gamesHistory].reverse();
		history.replaceChildren(...games.map((game) => el("tr", {},
			el("td", {}, date(game.date)),
			el("td", { className: "number" }, number(game.score)),
			el("td", {}, game.isWinner ? "🏆 won" : "–"),
			el("td", { className: "number" }, game.correctAnswers ?? "–"),
			el("td", { className: "number" }, game.incorrectAnswers ?? "–"))));
		document.getElementById("history-section").hidden = games.length === 0;
	}

	load();
})();
