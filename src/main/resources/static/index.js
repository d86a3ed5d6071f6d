// The leaderboard page: the options live in the address (?sort=…&guild=…&limit=…) so a view can be shared.
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

	for (const [key, label] of SORTS) {
		sort.append(el("option", { value: key }, label));
	}

	const query = new URLSearchParams(location.search);
	sort.value = SORTS.some(([key]) => key === query.get("sort")) ? query.get("sort") : "totalScore";
	guild.value = query.get("guild") || "";
	limit.value = ["10", "25", "50", "100"].includes(query.get("limit")) ? query.get("limit") : "10";

	form.addEventListener("submit", (event) => {
		event.preventDefault();
		const next = new URLSearchParams({ sort: sort.value, limit: limit.value });
		if (guild.value.trim()) {
			next.set("guild", guild.value.trim());
		}
		history.replaceState(null, "", "?" + next);
		load();
	});
	sort.addEventListener("change", () => form.requestSubmit());
	limit.addEventListener("change", () => form.requestSubmit());

	async function load() {
		const params = new URLSearchParams({ sort: sort.value, limit: limit.value, guild: guild.value.trim() });
		message.textContent = "Loading…";
		message.className = "";
		const result = await api("/api/leaderboard?" + params);
		body.replaceChildren();
		if (result.status !== 200) {
			message.textContent = errorOf(result);
			message.className = "error";
			return;
		}
		const label = SORTS.find(([key]) => key === sort.value)[1];
		valueHeading.textContent = label;
		const server = guild.value.trim();
		for (const row of result.body) {
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
		message.textContent = result.body.length === 0
			? (server ? "Nobody has finished a game in this server yet." : "Nobody has finished a game yet.")
			: "";
	}

	load();
})();
