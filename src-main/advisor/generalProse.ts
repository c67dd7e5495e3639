/**
 * Ordinary prose that ships with Locus (written for it), on nothing in particular: how well a model
 * predicts it before and after learning a person's documents shows whether the adapter made it worse at
 * plain language (forgetting). No one's library is about this, so learning it cannot make it easier.
 */
export const generalProse = [
    "On most mornings the bakery at the end of the street opens before the buses start running. The baker arrives in the dark, " +
    "switches on the ovens and weighs the flour for the first batch while the radio plays quietly in the back room. By the time " +
    "the sky turns grey, the shelves are full of bread, and the first customers are waiting by the door with their collars turned " +
    "up against the wind. Some of them buy the same loaf every day and hardly need to say a word; others stand in front of the " +
    "counter for a long time, trying to decide between a plain roll and something sweeter.",

    "Learning to ride a bicycle is mostly a matter of trusting that speed will keep you upright. Children who are afraid tend to " +
    "pedal slowly, and the slower they go, the more the bicycle wobbles. A patient parent walks beside them, holding the saddle " +
    "and letting go a little at a time, until one afternoon the child looks back and realizes that nobody has been holding on " +
    "for several yards. After that, the difficult part is no longer balance but learning to stop gently, to look over one " +
    "shoulder before turning, and to remember that other people on the road cannot read your mind.",

    "Rain in late summer has a smell that many people remember from childhood. It comes from dry earth and warm stone suddenly " +
    "turning wet, and it often arrives a few minutes before the first drops, carried by the wind that runs ahead of the storm. " +
    "Gardeners welcome it, because it saves them an evening of carrying watering cans, while people who planned to eat outside " +
    "hurry to bring in the chairs. When the shower passes, the streets steam for a while, birds return to the hedges, and the " +
    "air feels cooler and cleaner than it has for weeks.",

    "A good soup rarely needs an exact recipe. Most cooks begin by softening an onion in a little oil, adding whatever vegetables " +
    "are left at the bottom of the basket, and covering everything with water or stock. The pot then simmers while they do " +
    "something else, and the kitchen slowly fills with a comfortable smell. Salt is added near the end, a spoonful at a time, " +
    "and tasted after each addition. Served with bread and eaten at the kitchen table, such a meal is seldom remembered for long, " +
    "yet it is the kind of food that people miss most when they are far from home.",

    "Libraries have changed a great deal over the last few decades, but their central promise has stayed the same: anyone may " +
    "come in, sit down and read without being asked to buy anything. Students use them to work in silence, older readers come " +
    "for the newspapers, and parents bring small children to story hours on weekday mornings. The librarians answer questions " +
    "of every kind, from how to renew a passport to where to find a novel whose title someone has forgotten but whose cover " +
    "they can still describe in detail.",

    "Walking in the hills teaches a certain kind of patience. The path climbs more slowly than the map suggests, the summit " +
    "hides behind one false top after another, and the weather can change in the time it takes to eat a sandwich. Experienced " +
    "walkers carry a spare layer even on bright days, start early to leave time for mistakes, and turn back without regret when " +
    "the clouds come down. The view from the top is a reward, but many of them would say that the best part of the day is the " +
    "long descent in the evening light, tired and quiet, with the valley opening up below."
].join("\n\n");
