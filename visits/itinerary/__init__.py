"""What a participant reads through their personal link: the itinerary, its calendar
feed, the offline copy."""
