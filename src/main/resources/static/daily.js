// The daily challenge page: today's five rounds for the name typed, then the share line, the streak and
// today's board. Every round's time is the server's (endsAt); the countdown only shows it.
"use strict";

(() => {
	const { el, api, errorOf, number, playerLink } = App;
	const NAME_KEY = "nta.playerName";
	const $ = (id) => document.getElementById(id);

	let today = null;
	let name = null;
	let round = null;
	let timer = null;

	function base() {
		return "/api/daily/" + today.day + "/players/" + encodeURIComponent(name);
	}

	async function init() {
		try {
			$("player-name").value = localStorage.getItem(NAME_KEY) || "";
		} catch (e) {
			// Private browsing: no remembered name.
		}
		const result = await api("/api/daily");
		if (result.status !== 200) {
			$("start-error").textContent = errorOf(result);
			return;
		}
		today = result.body;
		$("daily-heading").textContent = "Daily #" + today.number;
		$("daily-line").textContent = today.day + " · " + today.rounds + " artworks, the same for everybody today. "
			+ "One try; each round runs " + today.roundTime + " s from when you open it.";
		$("start-form").addEventListener("submit", start);
		$("next").addEventListener("click", next);
		$("copy").addEventListener("click", copy);
		showBoard();
	}

	async function start(event) {
		event.preventDefault();
		name = $("player-name").value.trim();
		if (!name) {
			$("start-error").textContent = "Enter your name first.";
			return;
		}
		try {
			localStorage.setItem(NAME_KEY, name);
		} catch (e) {
			// not remembered
		}
		$("start-error").textContent = "";
		const mine = await api(base());
		if (mine.status === 200 && mine.body.finished) {
			showResult(mine.body);
			return;
		}
		next();
	}

	async function next() {
		const result = await api(base() + "/next", { method: "POST", body: {} });
		if (result.status === 409) {
			const mine = await api(base());
			if (mine.status === 200 && mine.body.finished) {
				showResult(mine.body);
				return;
			}
		}
		if (result.status !== 200) {
			$("start-error").textContent = errorOf(result);
			return;
		}
		round = result.body.round;
		$("you").hidden = true;
		$("round").hidden = false;
		$("next").hidden = true;
		$("feedback").textContent = "";
		$("feedback").className = "feedback";
		$("round-heading").textContent = "Round " + round.number + " of " + round.total;
		$("artwork-image").src = round.imageUrl;
		const choices = $("choices");
		choices.replaceChildren();
		choices.dataset.round = round.number;
		for (const choice of round.choices) {
			const button = el("button", { type: "button", "data-choice": choice.number },
				el("span", { className: "key", "aria-hidden": "true" }, choice.number), " ", choice.artist);
			button.addEventListener("click", () => answer(choice.number, button));
			choices.append(button);
		}
		tick();
	}

	function tick() {
		clearTimeout(timer);
		if (!round) {
			return;
		}
		const left = Math.max(0, Math.ceil((new Date(round.endsAt) - Date.now()) / 1000));
		$("countdown").textContent = left + " s";
		if (left > 0) {
			timer = setTimeout(tick, 250);
		}
	}

	async function answer(choice, button) {
		for (const other of $("choices").querySelectorAll("button")) {
			other.disabled = true;
		}
		button.classList.add("chosen");
		const result = await api(base() + "/answers", { method: "POST", body: { round: round.number, choice: choice } });
		const last = round.number === round.total;
		round = null;
		clearTimeout(timer);
		$("countdown").textContent = "";
		const feedback = $("feedback");
		if (result.status === 200) {
			const reply = result.body;
			const right = $("choices").querySelector("[data-choice='" + reply.answer.number + "']");
			if (right) {
				right.classList.add("right");
			}
			if (!reply.correct) {
				button.classList.add("wrong");
			}
			feedback.className = "feedback " + (reply.correct ? "good" : "bad");
			feedback.textContent = (reply.correct ? "Correct! +" + number(reply.points) + " points. "
				: "Not this one. ") + "It was " + reply.answer.artist + ". Score: " + number(reply.totalScore) + ".";
		} else {
			feedback.className = "feedback bad";
			feedback.textContent = errorOf(result);
		}
		if (last) {
			const mine = await api(base());
			if (mine.status === 200 && mine.body.finished) {
				// The last answer's feedback stays above the result: the player sees how the day ended.
				showResult(mine.body, true);
				return;
			}
		}
		$("next").hidden = false;
		$("next").focus();
	}

	// The day's result; with keepRound, the last round (its answer and feedback) stays in view above it.
	function showResult(result, keepRound) {
		$("you").hidden = true;
		$("round").hidden = !keepRound;
		$("next").hidden = true;
		$("result").hidden = false;
		$("share-line").textContent = result.share;
		$("streak").textContent = "Score " + number(result.score) + " · streak " + result.streak
			+ (result.streak === 1 ? " day" : " days") + " · best " + result.bestStreak
			+ (result.bestStreak === 1 ? " day" : " days");
		$("result").focus();
		showBoard();
	}

	async function copy() {
		const line = $("share-line").textContent;
		try {
			await navigator.clipboard.writeText(line);
			$("copied").textContent = "Copied.";
		} catch (e) {
			const range = document.createRange();
			range.selectNodeContents($("share-line"));
			const selection = window.getSelection();
			selection.removeAllRanges();
			selection.addRange(range);
			$("copied").textContent = "Selected: copy it with Ctrl+C (⌘C).";
		}
	}

	async function showBoard() {
		const result = await api("/api/leaderboard?period=day&at=" + today.day + "&limit=25");
		if (result.status !== 200 || result.body.entries.length === 0) {
			return;
		}
		const rows = result.body.entries.map((entry) => el("tr", null,
			el("td", { className: "number" }, entry.rank),
			el("td", null, playerLink(entry.userId, entry.username)),
			el("td", { className: "number" }, number(entry.value)),
			el("td", { className: "number" }, entry.correctAnswers)));
		$("board").querySelector("tbody").replaceChildren(...rows);
		$("board-section").hidden = false;
	}

	init();
})();
