"""The roster solver, without Qt or the database: the problem's JSON form, the CP-SAT
model, an independent checker and a plain baseline model for the benchmark."""
