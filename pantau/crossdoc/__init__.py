"""What pantau learns across documents: near-duplicate pages, reports of the same real-world event, the same
promise reported twice, promises kept, and recurring mechanisms.

Everything here is pure logic over document records (`pantau.document/1` dicts): the store decides where the
candidates come from and where the links are kept. Each decision is a symmetric pairwise test, and groups are
the connected components of those links, so the result does not depend on the order documents arrive in.
"""
