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

	/** The last 30 days of daily results: one square per day, its score as text. */
	async function loadDaily() {
		if (!id) {
			return;
		}
		const result = await api("/api/daily/history/" + encodeURIComponent(id));
		if (result.status !== 200 || !result.body.some((day) => day.played)) {
			return;
		}
		const items = result.body.map((day) => {
			const state = day.finished ? "finished" : (day.played ? "started" : "missed");
			const label = day.day + " (Daily #" + day.number + "): " + (day.finished ? number(day.score) + " points"
				: (day.played ? "started, not finished" : "missed"));
			return el("li", { className: "day " + state, title: label, "aria-label": label },
				day.finished ? number(day.score) : "");
		});
		document.getElementById("daily-strip").replaceChildren(...items);
		document.getElementById("daily-section").hidden = false;
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

		showPeriods(p.periods);
		drawChart(p.gamesHistory);

		const history = document.getElementById("history");
		const games = [...p.gamesHistory].reverse();
		// A game on a server's own artwork pool is only in that server's stats (?guild=): say so on its row.
		history.replaceChildren(...games.map((game) => el("tr", {},
			el("td", {}, date(game.date), game.pool ? el("span", { className: "pool",
				title: "Played on this server's own artworks (" + game.pool + "): it counts in this server's "
					+ "leaderboards only, not the global ones" }, " · server's own artworks") : null),
			el("td", { className: "number" }, number(game.score)),
			el("td", {}, game.isWinner ? "🏆 won" : "–"),
			el("td", { className: "number" }, game.correctAnswers ?? "–"),
			el("td", { className: "number" }, game.incorrectAnswers ?? "–"))));
		document.getElementById("history-section").hidden = games.length === 0;
	}

	/** This week's and this month's numbers and ranks (by total score). */
	function showPeriods(periods) {
		if (!periods) {
			return;
		}
		const figure = (label, standing) => el("div", {}, el("dt", {}, label + " (" + standing.at + ")"),
			el("dd", {}, standing.rank ? "#" + standing.rank + " · " + number(standing.totalScore) + " points"
				: "not played yet"));
		document.getElementById("periods").replaceChildren(figure("Week", periods.week), figure("Month", periods.month));
		document.getElementById("periods-section").hidden = false;
	}

	const SVG = "http://www.w3.org/2000/svg";

	function svg(tag, attributes, ...children) {
		const node = document.createElementNS(SVG, tag);
		for (const [name, value] of Object.entries(attributes)) {
			node.setAttribute(name, String(value));
		}
		for (const child of children) {
			node.append(child instanceof Node ? child : document.createTextNode(String(child)));
		}
		return node;
	}

	/**
	 * The last games (at most 50, oldest first), drawn by hand in SVG: a bar per game for its score, and a
	 * line through each game's accuracy where the game counted its answers.
	 */
	function drawChart(games) {
		const chart = document.getElementById("chart");
		chart.replaceChildren();
		if (games.length === 0) {
			return;
		}
		const width = 640, height = 240, left = 44, right = 40, top = 12, bottom = 28;
		const plotW = width - left - right, plotH = height - top - bottom;
		const maxScore = Math.max(1, ...games.map((g) => g.score));
		const step = plotW / games.length;
		const y = (score) => top + plotH - (score / maxScore) * plotH;
		const yAcc = (pct) => top + plotH - (pct / 100) * plotH;
		const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "games-chart",
			"aria-label": `Scores and accuracy of the last ${games.length} games` });
		root.append(svg("title", {}, `Scores and accuracy of the last ${games.length} games`));
		// Axes and scale labels.
		root.append(svg("line", { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, class: "axis" }));
		root.append(svg("text", { x: left - 6, y: top + 4, class: "tick", "text-anchor": "end" }, number(maxScore)));
		root.append(svg("text", { x: left - 6, y: top + plotH, class: "tick", "text-anchor": "end" }, "0"));
		root.append(svg("text", { x: left + plotW + 6, y: top + 4, class: "tick" }, "100 %"));
		root.append(svg("text", { x: left + plotW + 6, y: top + plotH, class: "tick" }, "0 %"));
		root.append(svg("text", { x: left, y: height - 8, class: "tick" }, "oldest"));
		root.append(svg("text", { x: left + plotW, y: height - 8, class: "tick", "text-anchor": "end" }, "latest"));
		const bars = svg("g", { class: "bars" });
		const points = [];
		games.forEach((game, i) => {
			const x = left + i * step;
			const bar = svg("rect", { x: x + step * 0.15, y: y(game.score), width: Math.max(1, step * 0.7),
				height: top + plotH - y(game.score), class: game.isWinner ? "bar won" : "bar", "data-score": game.score });
			bar.append(svg("title", {}, `${date(game.date)}: ${number(game.score)} points${game.isWinner ? ", won" : ""}`));
			bars.append(bar);
			const answers = (game.correctAnswers ?? 0) + (game.incorrectAnswers ?? 0);
			if (game.correctAnswers !== undefined && game.correctAnswers !== null && answers > 0) {
				points.push([x + step / 2, yAcc(100 * game.correctAnswers / answers), game]);
			}
		});
		root.append(bars);
		if (points.length > 0) {
			root.append(svg("polyline", { class: "accuracy", fill: "none",
				points: points.map(([px, py]) => px.toFixed(1) + "," + py.toFixed(1)).join(" ") }));
			const dots = svg("g", { class: "accuracy-points" });
			for (const [px, py, game] of points) {
				const dot = svg("circle", { cx: px.toFixed(1), cy: py.toFixed(1), r: 3, class: "dot" });
				dot.append(svg("title", {}, `${date(game.date)}: ${game.correctAnswers} right, ${game.incorrectAnswers} wrong`));
				dots.append(dot);
			}
			root.append(dots);
		}
		chart.append(root);
		document.getElementById("chart-section").hidden = false;
	}

	load();
	loadDaily();
})();
