results = {}
for name, init, p_drop in [("one He value, copied", same_he_value, 0.0),
                           ("independent He draws", independent_he, 0.0),
                           ("one He value + dropout", same_he_value, 0.2)]:
    torch.manual_seed(2)
    model = make_mlp(init, p_drop)
    start = nn.functional.mse_loss(model.eval()(X), y).item()
    end = train(model, lr=0.01)
    units = [distinct_rows(model[0].weight), distinct_rows(model[3].weight)]
    results[name] = (start, end, units)
    print(f"{name:24s} loss {start:.3f} -> {end:.3f}   distinct units per hidden layer: {units}")

same, indep, drop = results.values()
assert same[2] == [1, 1], "copied value: the 16 units of each layer stay one unit"
assert indep[2] == [16, 16], "independent draws: all 16 units differ"
assert drop[2][0] > 1 and drop[2][1] > 1, "dropout's random masks break the tie"
baseline = y.var(correction=0).item()  # the loss of always predicting the mean of y
print(f"loss of predicting the mean: {baseline:.3f}")
assert same[1] < 0.1 * same[0] and same[1] > 0.9 * baseline, "tied: it trains, to hardly better than the mean"
assert indep[1] < 0.2 * baseline, "independent draws: the same network fits the data"
assert drop[1] > 0.9 * baseline, "dropout broke the tie but did not rescue the bad start"
