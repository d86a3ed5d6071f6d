// The play page: start or join a game (play.html#<gameId>), then poll it and answer.
// Polling every POLL_MS is simple and survives sleeping laptops and flaky networks; the countdown
// follows the server's clock (serverTime), not the browser's.
"use strict";

(() => {
	const { el, api, errorOf, number } = App;
	const POLL_MS = 450;
	const NAME_KEY = "nta.playerName";
	const $ = (id) => document.getElementById(id);

	let config = null;
	let gameId = null;
	let game = null;
	let offset = 0;
	let pollTimer = null;
	let shownRound = 0;
	let answers = {};
	let reportedRounds = new Set();
	let answering = false;
	let resultShown = false;

	const nameInput = $("player-name");

	function storedName() {
		try {
			return localStorage.getItem(NAME_KEY) || "";
		} catch (e) {
			return "";
		}
	}

	function storeName(name) {
		try {
			localStorage.setItem(NAME_KEY, name);
		} catch (e) {
			// Private browsing: the name is simply not remembered.
		}
	}

	/** The name typed, trimmed; null (with the reason shown) when there is none. */
	function playerName(where) {
		const name = nameInput.value.trim();
		if (!name) {
			where.textContent = "Enter your name first.";
			where.className = where === $("feedback") ? "feedback bad" : "error";
			nameInput.focus();
			return null;
		}
		return name;
	}

	async function init() {
		const result = await api("/api/config");
		if (result.status !== 200) {
			$("setup").hidden = false;
			$("setup-error").textContent = errorOf(result);
			return;
		}
		config = result.body;
		if (!config.playEnabled) {
			$("play-off").hidden = false;
			return;
		}
		$("you").hidden = false;
		nameInput.value = storedName();
		nameInput.addEventListener("input", () => storeName(nameInput.value.trim()));
		bound($("rounds"), config.rounds);
		bound($("round-time"), config.roundTime);
		bound($("pause"), config.betweenRoundTime);
		const id = location.hash.slice(1);
		if (id) {
			join(id, null);
		} else {
			$("setup").hidden = false;
		}
	}

	function bound(input, bounds) {
		input.min = bounds.min;
		input.max = bounds.max;
		input.value = bounds.default;
		const hint = el("span", { className: "hint", id: input.id + "-hint" }, bounds.min + " to " + bounds.max);
		input.setAttribute("aria-describedby", hint.id);
		input.parentElement.append(hint);
	}

	$("setup-form").addEventListener("submit", async (event) => {
		event.preventDefault();
		const error = $("setup-error");
		error.textContent = "";
		const name = playerName(error);
		if (!name) {
			return;
		}
		storeName(name);
		const start = $("start");
		start.disabled = true;
		const result = await api("/api/games", {
			method: "POST",
			body: {
				rounds: Number($("rounds").value),
				roundTime: Number($("round-time").value),
				betweenRoundTime: Number($("pause").value),
				difficulty: $("difficulty").value,
				answers: $("answers").value,
				player: name,
			},
		});
		start.disabled = false;
		if (result.status !== 201) {
			error.textContent = errorOf(result);
			return;
		}
		history.replaceState(null, "", "#" + result.body.gameId);
		join(result.body.gameId, result.body);
	});

	function join(id, initial) {
		clearTimeout(pollTimer);
		gameId = id;
		game = null;
		shownRound = 0;
		answers = {};
		reportedRounds = new Set();
		resultShown = false;
		$("setup").hidden = true;
		$("game").hidden = false;
		$("result").hidden = true;
		$("stop").hidden = false;
		$("artwork").hidden = true;
		$("choices").replaceChildren();
		$("typed-form").hidden = true;
		$("feedback").textContent = "";
		$("last-round").hidden = true;
		$("last-round-text").replaceChildren();
		$("share").hidden = false;
		$("share-link").href = location.href;
		$("share-link").textContent = "this game's link";
		if (initial) {
			render(initial, Date.now(), Date.now());
		}
		poll();
	}

	async function poll() {
		clearTimeout(pollTimer);
		const id = gameId;
		const sent = Date.now();
		const result = await api("/api/games/" + encodeURIComponent(id));
		const received = Date.now();
		if (id !== gameId) {
			return;
		}
		if (result.status === 200) {
			render(result.body, sent, received);
			if (result.body.status === "OVER") {
				return;
			}
		} else if (result.status === 404) {
			gameId = null;
			history.replaceState(null, "", location.pathname);
			$("game").hidden = true;
			$("setup").hidden = false;
			$("setup-error").textContent = "That game is not running here (it may be long over, or its address "
				+ "is wrong). Start a new one.";
			return;
		} else {
			setStatus("Connection trouble, trying again: " + errorOf(result));
		}
		pollTimer = setTimeout(poll, POLL_MS);
	}

	function setStatus(text) {
		const status = $("status");
		if (status.textContent !== text) {
			status.textContent = text;
		}
	}

	function render(g, sent, received) {
		offset = Date.parse(g.serverTime) - (sent + received) / 2;
		game = g;
		const last = g.lastRound;
		const ending = last && last.number >= g.totalRounds;
		$("game-heading").textContent = g.round ? "Round " + g.round.number + " of " + g.round.total
			: last ? "Round " + last.number + " of " + g.totalRounds : "A game of " + g.totalRounds + " rounds";
		switch (g.status) {
			case "STARTING":
				setStatus("The first round starts in a moment…");
				break;
			case "ROUND":
				setStatus("Who created this artwork? Pick an artist before the time runs out.");
				break;
			case "BETWEEN_ROUNDS":
				setStatus(ending ? "That was the last round: writing the results…" : "Round over. The next one starts soon.");
				break;
			default:
				setStatus(g.stopped ? "The game was stopped." : "The game is over.");
		}
		if (g.round && g.round.number !== shownRound) {
			showRound(g.round);
		}
		if (!g.round && last && shownRound === 0) {
			showArtwork(last.imageUrl, last.tokenName);
		}
		if (!g.round) {
			for (const button of $("choices").querySelectorAll("button")) {
				button.disabled = true;
			}
			closeTyped();
		}
		if (last && last.number === shownRound) {
			markAnswer(last.answer.number);
			showTitle(last.tokenName || "Untitled");
		}
		if (last && !reportedRounds.has(last.number)) {
			reportRound(last);
		}
		renderScores(g.scores);
		if (g.status === "OVER") {
			showResult(g);
		}
		tick();
	}

	/**
	 * The round's image, served by the bot (its address says nothing about the artwork). The title comes with
	 * the round only where the server shows it as a hint; otherwise it is revealed with the answer.
	 */
	function showArtwork(imageUrl, tokenName) {
		const image = $("artwork-image");
		if (imageUrl && image.getAttribute("src") !== imageUrl) {
			$("artwork-missing").hidden = true;
			$("artwork-missing").textContent = "🖼️ The artwork's image is unavailable for this round.";
			image.hidden = false;
			image.src = imageUrl;
		}
		image.alt = tokenName ? "The artwork: " + tokenName : "The artwork";
		showTitle(tokenName || (shownRound > 0 && !reportedRounds.has(shownRound) ? "Title revealed after the round" : "Untitled"));
		$("artwork").hidden = false;
	}

	function showTitle(text) {
		$("token-name").textContent = text;
	}

	$("artwork-image").addEventListener("error", () => {
		$("artwork-image").hidden = true;
		$("artwork-missing").hidden = false;
	});

	function isTyped() {
		return Boolean(game) && game.answers === "typed";
	}

	/** A typed round: the text field, empty and ready; no list of artists (that would be multiple choice). */
	function openTyped(round) {
		$("choices").replaceChildren();
		const form = $("typed-form");
		form.dataset.round = round.number;
		form.hidden = false;
		const input = $("typed-answer");
		input.value = "";
		input.disabled = false;
		$("typed-submit").disabled = false;
		input.focus();
	}

	function closeTyped() {
		$("typed-answer").disabled = true;
		$("typed-submit").disabled = true;
	}

	function showRound(round) {
		shownRound = round.number;
		showArtwork(round.imageUrl, round.tokenName);
		if (round.counts === false) {
			// Opened without its image: the request for it fails too, and the page says so.
			$("artwork-image").hidden = true;
			$("artwork-missing").hidden = false;
			$("artwork-missing").textContent = "🖼️ The artwork's image could not be loaded, so this round does not count.";
		}
		if (isTyped()) {
			openTyped(round);
			const feedback = $("feedback");
			feedback.textContent = "";
			feedback.className = "feedback";
			return;
		}
		$("typed-form").hidden = true;
		const choices = $("choices");
		choices.dataset.round = round.number;
		choices.replaceChildren(...round.choices.map((choice) => {
			const button = el("button", { type: "button", "data-choice": choice.number },
				el("span", { className: "key", "aria-hidden": "true" }, choice.number), el("span", {}, choice.artist));
			button.addEventListener("click", () => answer(round.number, choice.number));
			return button;
		}));
		const feedback = $("feedback");
		feedback.textContent = "";
		feedback.className = "feedback";
	}

	async function answer(round, choice) {
		const feedback = $("feedback");
		const name = playerName(feedback);
		if (!name || answering || answers[round]) {
			return;
		}
		storeName(name);
		const buttons = $("choices").querySelectorAll("button");
		for (const button of buttons) {
			button.disabled = true;
			button.classList.toggle("chosen", Number(button.dataset.choice) === choice);
		}
		await post(round, { player: name, choice: choice, round: round },
			(taken) => taken.correct ? "Correct! +" + taken.points + " points" : "Wrong",
			() => {
				for (const button of buttons) {
					button.disabled = false;
					button.classList.remove("chosen");
				}
			});
		if (game && game.lastRound && game.lastRound.number === round) {
			markAnswer(game.lastRound.answer.number);
		}
	}

	/**
	 * Sends one answer (a choice or a text) and says how it went: `say` phrases a taken answer; when
	 * nothing was taken (a bad name, the server busy) and the round is still open, `reopen` lets the
	 * player try again. A 409 (answered already, round over) closes the round for this player.
	 */
	async function post(round, body, say, reopen) {
		answering = true;
		const result = await api("/api/games/" + encodeURIComponent(gameId) + "/answers", { method: "POST", body: body });
		answering = false;
		const feedback = $("feedback");
		if (result.status === 200) {
			answers[round] = { choice: (body.choice !== undefined) ? body.choice : null, correct: result.body.correct };
			feedback.textContent = say(result.body);
			feedback.className = "feedback " + (result.body.correct ? "good" : "bad");
		} else {
			feedback.textContent = errorOf(result);
			feedback.className = "feedback bad";
			if (result.status === 409) {
				answers[round] = { choice: null };
			} else if (game && game.round && game.round.number === round) {
				reopen();
			}
		}
	}

	$("typed-form").addEventListener("submit", async (event) => {
		event.preventDefault();
		const round = Number($("typed-form").dataset.round);
		const feedback = $("feedback");
		const text = $("typed-answer").value.trim();
		const name = playerName(feedback);
		if (!name || answering || answers[round]) {
			return;
		}
		if (!text) {
			feedback.textContent = "Type a name first.";
			feedback.className = "feedback bad";
			return;
		}
		storeName(name);
		closeTyped();
		await post(round, { player: name, text: text, round: round },
			(taken) => taken.matched === "exact" ? "Right, exactly! +" + taken.points + " points"
				: taken.matched === "close" ? "Close enough (you typed “" + text + "”)! +" + taken.points + " points"
				: "Not “" + text + "”. The answer comes when the round ends.",
			() => {
				$("typed-answer").disabled = false;
				$("typed-submit").disabled = false;
			});
	});

	function markAnswer(right) {
		const mine = answers[shownRound];
		for (const button of $("choices").querySelectorAll("button")) {
			const number = Number(button.dataset.choice);
			button.disabled = true;
			button.classList.toggle("right", number === right);
			button.classList.toggle("wrong", Boolean(mine) && mine.choice === number && number !== right);
		}
	}

	function reportRound(last) {
		reportedRounds.add(last.number);
		// Links come from the catalogue; only web addresses become links.
		const link = /^https?:\/\//.test(last.link || "")
			? el("a", { href: last.link, target: "_blank", rel: "noopener noreferrer" }, "see the artwork") : null;
		const line = el("li", {},
			"Round " + last.number + ": “" + (last.tokenName || "Untitled") + "” by ", el("strong", {}, last.answer.artist),
			link ? " · " : null, link,
			" · " + last.correctAnswers + " of " + last.answers + (last.answers === 1 ? " answer" : " answers") + " right");
		let list = $("last-round-text").querySelector("ol");
		if (!list) {
			list = el("ol", { className: "scores", id: "answers" });
			$("last-round-text").append(list);
		}
		line.dataset.round = last.number;
		list.append(line);
		$("last-round").hidden = false;
	}

	function renderScores(scores) {
		const me = "web:" + nameInput.value.trim();
		$("scores").replaceChildren(...scores.map((s) =>
			el("li", { className: s.userId === me ? "me" : null }, s.username + " — " + number(s.score) + " points")));
		$("no-scores").hidden = scores.length > 0;
	}

	function showResult(g) {
		clearTimeout(pollTimer);
		$("stop").hidden = true;
		$("result").hidden = false;
		$("again").hidden = false;
		const winners = $("winners");
		if (g.stopped) {
			winners.textContent = "The game was stopped, so nobody wins it; the points played count.";
		} else if (g.winners.length === 0) {
			winners.textContent = "Nobody scored, so nobody wins.";
		} else {
			winners.textContent = (g.winners.length === 1 ? "Winner: " : "Winners: ")
				+ g.winners.map((w) => w.username).join(", ") + " with " + number(g.winners[0].score) + " points";
		}
		if (!resultShown) {
			resultShown = true;
			$("result").focus();
		}
	}

	function tick() {
		const countdown = $("countdown");
		const progress = $("time-left");
		let end = null;
		let total = 0;
		if (game && game.status === "ROUND" && game.round) {
			end = Date.parse(game.round.endsAt);
			total = game.roundTime * 1000;
		} else if (game && game.status !== "OVER" && game.phaseEndsAt) {
			end = Date.parse(game.phaseEndsAt);
			total = game.status === "BETWEEN_ROUNDS" ? game.betweenRoundTime * 1000 : 0;
		}
		if (end === null) {
			countdown.textContent = "";
			progress.hidden = true;
			return;
		}
		const left = Math.max(0, end - (Date.now() + offset));
		countdown.textContent = Math.ceil(left / 1000) + " s";
		progress.hidden = total === 0;
		progress.max = total || 1;
		progress.value = Math.min(left, total);
	}

	$("stop").addEventListener("click", async () => {
		const stop = $("stop");
		stop.disabled = true;
		const result = await api("/api/games/" + encodeURIComponent(gameId), { method: "DELETE" });
		stop.disabled = false;
		if (result.status !== 204 && result.status !== 404) {
			$("feedback").textContent = errorOf(result);
			$("feedback").className = "feedback bad";
		}
		poll();
	});

	$("again").addEventListener("click", () => {
		clearTimeout(pollTimer);
		gameId = null;
		game = null;
		history.replaceState(null, "", location.pathname);
		$("game").hidden = true;
		$("setup").hidden = false;
		$("start").focus();
	});

	window.addEventListener("hashchange", () => {
		const id = location.hash.slice(1);
		if (id && id !== gameId && config && config.playEnabled) {
			join(id, null);
		}
	});

	// Keys 1 to 9 press the buttons, unless the player is typing.
	document.addEventListener("keydown", (event) => {
		if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) {
			return;
		}
		const button = $("choices").querySelector('button[data-choice="' + event.key + '"]');
		if (button && !button.disabled) {
			button.click();
		}
	});

	setInterval(tick, 100);
	init();
})();
