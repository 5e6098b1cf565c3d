-- A quiz is a bank: each attempt asks a draw of its questions, options in an order of their
-- own. The draw is stored with the attempt, so a result and the class's question insight read
-- what that learner saw. NULL: an attempt stored before draws, which asked the questions it
-- answered.
ALTER TABLE attempts ADD COLUMN draw TEXT;

-- The draw a person's next attempt of a module asks, made when the quiz page is first opened
-- and used up when the attempt is sent: a reload or a second tab shows the same questions.
CREATE TABLE open_draws (
    person_id       BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    module_id       TEXT    NOT NULL,
    content_version BIGINT  NOT NULL,
    draw_key        TEXT    NOT NULL,
    draw            TEXT    NOT NULL,
    drawn_at        BIGINT  NOT NULL,
    PRIMARY KEY (person_id, module_id)
);

-- After every second failed attempt in a row, the lessons of the missed objectives to read
-- again before the next attempt; reading a lesson removes its row.
CREATE TABLE rereads (
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    module_id TEXT    NOT NULL,
    lesson_id TEXT    NOT NULL,
    due_since BIGINT  NOT NULL,
    PRIMARY KEY (person_id, module_id, lesson_id)
);
