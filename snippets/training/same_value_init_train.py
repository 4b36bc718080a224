results, models = {}, {}
for name, init, p_drop, zero_bias in [("one He value, copied", same_he_value, 0.0, True),
                                      ("independent He draws", independent_he, 0.0, True),
                                      ("one He value + dropout", same_he_value, 0.2, True),
                                      ("one He value, random b", same_he_value, 0.0, False)]:
    torch.manual_seed(2)
    model = models[name] = make_mlp(init, p_drop, zero_bias)
    start = nn.functional.mse_loss(model.eval()(X), y).item()
    end = train(model)
    units = [distinct_rows(model[0].weight), distinct_rows(model[3].weight)]
    results[name] = (start, end, units)
    print(f"{name:24s} loss {start:6.3f} -> {end:.3f}   distinct units per hidden layer: {units}")

same, indep, drop, rand_b = results.values()
baseline = y.var(correction=0).item()  # the loss of always predicting the mean of y
print(f"loss of predicting the mean: {baseline:.3f}")
assert same[2] == [1, 1], "copied value: the 16 units of each layer stay one unit"
assert indep[2] == [16, 16], "independent draws: all 16 units differ"
assert drop[2] == [16, 16] and rand_b[2] == [16, 16], "dropout's masks, or random biases, break the tie"
assert indep[1] < same[1] < baseline, "tied: it learns, but far less than the same network untied"
assert same[1] > 4 * indep[1]
assert drop[1] > 4 * indep[1] and rand_b[1] > 4 * indep[1], "breaking the tie does not repair the start"
