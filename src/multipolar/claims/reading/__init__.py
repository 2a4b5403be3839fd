"""Reading helpers shared by the claim kinds: sentences, entities, numbers, times, reporters, the sentence under
reading (masked mentions, pronouns, clauses) and trade frames."""
