// Name That Artist: helpers shared by the pages. Text from players is only ever set as textContent.
"use strict";

const App = (() => {
	/** A new element; children are nodes or strings (inserted as text, never parsed as HTML). */
	function el(tag, attributes, ...children) {
		const node = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes || {})) {
			if (value === null || value === undefined || value === false) {
				continue;
			}
			if (name === "className") {
				node.className = value;
			} else {
				node.setAttribute(name, value === true ? "" : String(value));
			}
		}
		for (const child of children) {
			if (child !== null && child !== undefined) {
				node.append(child instanceof Node ? child : document.createTextNode(String(child)));
			}
		}
		return node;
	}

	/**
	 * Calls the API; resolves to {status, body} (body parsed from JSON, or null), and to status 0
	 * with a message when the server cannot be reached.
	 */
	async function api(path, options = {}) {
		const init = { method: options.method || "GET", headers: { Accept: "application/json" } };
		if (options.body !== undefined) {
			init.headers["Content-Type"] = "application/json";
			init.body = JSON.stringify(options.body);
		}
		let response;
		try {
			response = await fetch(path, init);
		} catch (e) {
			return { status: 0, body: { error: "The server cannot be reached." } };
		}
		let body = null;
		const text = await response.text();
		if (text) {
			try {
				body = JSON.parse(text);
			} catch (e) {
				body = { error: "The server answered something unexpected (" + response.status + ")." };
			}
		}
		return { status: response.status, body: body };
	}

	function errorOf(result) {
		return (result.body && typeof result.body.error === "string") ? result.body.error
			: "Something went wrong (" + result.status + ").";
	}

	const numbers = new Intl.NumberFormat();

	function number(value) {
		return numbers.format(value);
	}

	function date(iso) {
		const when = new Date(iso);
		return isNaN(when) ? iso : when.toLocaleString();
	}

	/** A player's page. */
	function playerLink(userId, username, guild) {
		const query = new URLSearchParams({ id: userId });
		if (guild) {
			query.set("guild", guild);
		}
		return el("a", { href: "player.html?" + query }, username || userId);
	}

	/** The seven leaderboard keys, as the API names them and as people read them. */
	const SORTS = [
		["totalScore", "Total score"],
		["totalWins", "Wins"],
		["averageScore", "Average score"],
		["bestScore", "Best score"],
		["accuracyRate", "Accuracy %"],
		["totalGames", "Games"],
		["totalCorrectAnswers", "Correct answers"],
	];

	return { el, api, errorOf, number, date, playerLink, SORTS };
})();
