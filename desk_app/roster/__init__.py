"""The roster solver, without Qt or the database: the problem's JSON form, the CP-SAT
model, a greedy first roster, an independent checker, the rules' conflicts as data, and a
plain baseline model for the benchmark."""
