# about: correct, the reference solutions
