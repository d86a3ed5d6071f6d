// The leaderboard page: the options live in the address (?sort=…&guild=…&limit=…&period=…[&at=…]) so a view
// can be shared. A week or month board comes from ?period=week|month&at=…; a finished one shows its podium.
"use strict";

(() => {
	const { el, api, errorOf, number, playerLink, SORTS } = App;
	const form = document.getElementById("filters");
	const sort = document.getElementById("sort");
	const guild = document.getElementById("guild");
	const limit = document.getElementById("limit");
	const message = document.getElementById("message");
	const body = document.querySelector("#leaderboard tbody");
	const valueHeading = document.getElementById("value-heading");
	const period = document.getElementById("period");
	const periodLine = document.getElementById("period-line");
	const podium = document.getElementById("podium");
	const PERIODS = ["all", "week", "month", "last-week", "last-month"];
	const MEDALS = ["🥇", "🥈", "🥉"];
	// A past period named in the address (?period=week&at=2026-W40), kept until another period is chosen.
	let at = null;

	// Week and month boards also rank by the daily challenge's points.
	const DAILY = ["dailyScore", "Daily points"];

	function sorts() {
		return period.value === "all" ? SORTS : [...SORTS, DAILY];
	}

	function fillSorts(wanted) {
		sort.replaceChildren(...sorts().map(([key, label]) => el("option", { value: key }, label)));
		sort.value = sorts().some(([key]) => key === wanted) ? wanted : "totalScore";
	}

	const query = new URLSearchParams(location.search);
	guild.value = query.get("guild") || "";
	limit.value = ["10", "25", "50", "100"].includes(query.get("limit")) ? query.get("limit") : "10";
	period.value = PERIODS.includes(query.get("period")) ? query.get("period") : "all";
	if ((period.value === "week" || period.value === "month") && query.get("at")) {
		at = query.get("at");
	}
	fillSorts(query.get("sort"));

	form.addEventListener("submit", (event) => {
		event.preventDefault();
		const next = new URLSearchParams({ sort: sort.value, limit: limit.value });
		if (guild.value.trim()) {
			next.set("guild", guild.value.trim());
		}
		if (period.value !== "all") {
			next.set("period", period.value);
		}
		if (at) {
			next.set("at", at);
		}
		history.replaceState(null, "", "?" + next);
		load();
	});
	sort.addEventListener("change", () => form.requestSubmit());
	period.addEventListener("change", () => {
		at = null;
		fillSorts(sort.value);
		form.requestSubmit();
	});
	limit.addEventListener("change", () => form.requestSubmit());

	/** The ISO week (2026-W49) of a UTC day. */
	function isoWeek(day) {
		const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
		d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
		const year = d.getUTCFullYear();
		const week = Math.ceil(((d - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
		return year + "-W" + String(week).padStart(2, "0");
	}

	/** The id of the period before the one that starts at {@code from} (an ISO instant). */
	function previous(kind, from) {
		const start = new Date(from);
		if (kind === "week") {
			return isoWeek(new Date(start.getTime() - 7 * 86400000));
		}
		const month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1));
		return month.getUTCFullYear() + "-" + String(month.getUTCMonth() + 1).padStart(2, "0");
	}

	/** The board asked for: the bare all-time array, or a week or month board object. */
	async function fetchBoard(params) {
		if (period.value === "all") {
			return api("/api/leaderboard?" + params);
		}
		const kind = period.value.replace("last-", "");
		params.set("period", kind);
		if (period.value.startsWith("last-")) {
			// "Last" is the period before the server's current one, whatever the browser's clock says.
			const current = await api("/api/leaderboard?" + new URLSearchParams({ period: kind, limit: "1" }));
			if (current.status !== 200) {
				return current;
			}
			params.set("at", previous(kind, current.body.from));
		} else if (at) {
			params.set("at", at);
		}
		return api("/api/leaderboard?" + params);
	}

	function showPodium(board) {
		podium.replaceChildren();
		podium.hidden = !(board && board.finished && board.entries.length > 0);
		if (podium.hidden) {
			return;
		}
		board.entries.slice(0, 3).forEach((row, i) => {
			podium.append(el("div", { className: "place place-" + (i + 1) },
				el("span", { className: "medal", "aria-label": ["1st", "2nd", "3rd"][i] }, MEDALS[i]),
				el("span", { className: "name" }, playerLink(row.userId, row.username, guild.value.trim())),
				el("span", { className: "value" }, number(row.value))));
		});
	}

	async function load() {
		const params = new URLSearchParams({ sort: sort.value, limit: limit.value, guild: guild.value.trim() });
		message.textContent = "Loading…";
		message.className = "";
		const result = await fetchBoard(params);
		body.replaceChildren();
		podium.hidden = true;
		periodLine.textContent = "";
		if (result.status !== 200) {
			message.textContent = errorOf(result);
			message.className = "error";
			return;
		}
		const board = Array.isArray(result.body) ? null : result.body;
		const rows = board ? board.entries : result.body;
		if (board) {
			periodLine.textContent = (board.period === "week" ? "Week " : "Month ") + board.at
				+ (board.finished ? " · final standings" : " · in progress, times in UTC");
		}
		showPodium(board);
		const label = sorts().find(([key]) => key === sort.value)[1];
		valueHeading.textContent = label;
		const server = guild.value.trim();
		for (const row of rows) {
			const value = sort.value === "accuracyRate" ? number(row.value) + " %" : number(row.value);
			body.append(el("tr", {},
				el("td", { className: "number" }, row.rank),
				el("td", {}, playerLink(row.userId, row.username, server)),
				el("td", { className: "number" }, value),
				el("td", { className: "number wide" }, number(row.totalGames)),
				el("td", { className: "number wide" }, number(row.totalWins)),
				el("td", { className: "number wide" }, number(row.bestScore)),
				el("td", { className: "number" }, row.accuracyRate + " %")));
		}
		message.textContent = rows.length === 0
			? (board ? "Nobody played in this period." : server ? "Nobody has finished a game in this server yet."
				: "Nobody has finished a game yet.")
			: "";
	}

	load();
})();
